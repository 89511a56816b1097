import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/types';

// Measure 28: open days and media observations (staff), and the social supervisor's own observations.

export type OpenDay = ResponseOf<'/api/v1/open-days/{id}', 'get'>;
export type OpenDayBody = BodyOf<'/api/v1/open-days', 'post'>;
export type ParticipantBody = BodyOf<'/api/v1/open-days/{id}/participants', 'post'>;

const listKey = ['open-days'] as const;
const mineKey = ['my-observations'] as const;

export const useOpenDays = () =>
  useQuery({ queryKey: listKey, queryFn: () => unwrap(api.GET('/api/v1/open-days')) });

export const useMyObservations = (enabled: boolean) =>
  useQuery({ queryKey: mineKey, enabled, queryFn: () => unwrap(api.GET('/api/v1/my-observations')) });

const useRefresh = () => {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: listKey });
    void queryClient.invalidateQueries({ queryKey: mineKey });
    void queryClient.invalidateQueries({ queryKey: ['public-open-days'] });
  };
};

export const useCreateOpenDay = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: OpenDayBody) => unwrap(api.POST('/api/v1/open-days', { body })),
    onSuccess: refresh,
  });
};

export const useAddParticipant = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ParticipantBody }) =>
      unwrap(api.POST('/api/v1/open-days/{id}/participants', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
};

export const useLinkInspection = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, inspectionId }: { id: string; inspectionId: string }) =>
      unwrap(
        api.POST('/api/v1/open-days/{id}/inspections/{inspectionId}', {
          params: { path: { id, inspectionId } },
        }),
      ),
    onSuccess: refresh,
  });
};

export const useRecordSuggestion = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, participantId, text }: { id: string; participantId: string; text: string }) =>
      unwrap(
        api.POST('/api/v1/open-days/{id}/participants/{participantId}/suggestions', {
          params: { path: { id, participantId } },
          body: { text },
        }),
      ),
    onSuccess: refresh,
  });
};

export const useAnswerSuggestion = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, suggestionId, answer }: { id: string; suggestionId: string; answer: string }) =>
      unwrap(
        api.POST('/api/v1/open-days/{id}/suggestions/{suggestionId}/answer', {
          params: { path: { id, suggestionId } },
          body: { answer },
        }),
      ),
    onSuccess: refresh,
  });
};

export const useOwnSuggestion = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) =>
      unwrap(
        api.POST('/api/v1/my-observations/{id}/suggestions', { params: { path: { id } }, body: { text } }),
      ),
    onSuccess: refresh,
  });
};
