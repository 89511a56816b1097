import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types';
import { FALLBACK_REFETCH_MS, useIncidentStreamState } from './incident-stream';

// issue 16: the leads monitoring systems raise, handled remotely first (measures 7, 19, 20).

export type Incident = ResponseOf<'/api/v1/monitoring/incidents', 'get'>['items'][number];
export type IncidentDetail = ResponseOf<'/api/v1/monitoring/incidents/{id}', 'get'>;
export type IncidentQuery = QueryOf<'/api/v1/monitoring/incidents', 'get'>;
export type IncidentStep = BodyOf<'/api/v1/monitoring/incidents/{id}/steps', 'post'>;
export type IncidentQuestion = ResponseOf<'/api/v1/monitoring/questions', 'get'>['items'][number];

const key = ['monitoring-incidents'] as const;
const questionsKey = ['monitoring-questions'] as const;

// New leads arrive while the page is open: the event stream (incident-stream.tsx) has the list read again; only
// while the stream is down is it read on a slow timer.
export const useIncidents = (query: IncidentQuery) => {
  const live = useIncidentStreamState().data.live;
  return useQuery({
    queryKey: [...key, query],
    queryFn: () => unwrap(api.GET('/api/v1/monitoring/incidents', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: live ? false : FALLBACK_REFETCH_MS,
  });
};

export const useIncident = (id: string | null) =>
  useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/monitoring/incidents/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
  });

export const useIncidentStep = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: IncidentStep }) =>
      unwrap(api.POST('/api/v1/monitoring/incidents/{id}/steps', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
};

export const useIncidentQuestions = () =>
  useQuery({
    queryKey: questionsKey,
    queryFn: () => unwrap(api.GET('/api/v1/monitoring/questions')),
  });

export const useAnswerQuestion = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: string }) =>
      unwrap(
        api.POST('/api/v1/monitoring/questions/{id}/answer', { params: { path: { id } }, body: { answer } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: questionsKey }),
  });
};

// measure 5: a lead becomes a targeted inspection on the trigger 平台动态监测
export const useOpenInspection = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note?: string }) =>
      unwrap(
        api.POST('/api/v1/monitoring/incidents/{id}/inspection', {
          params: { path: { id } },
          body: note ? { note } : {},
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
};

export type VisitsSaved = ResponseOf<'/api/v1/monitoring/visits-saved', 'get'>;
export type VisitsSavedQuery = QueryOf<'/api/v1/monitoring/visits-saved', 'get'>;

export const useVisitsSaved = (query: VisitsSavedQuery) =>
  useQuery({
    queryKey: ['monitoring-visits-saved', query],
    queryFn: () => unwrap(api.GET('/api/v1/monitoring/visits-saved', { params: { query } })),
    placeholderData: keepPreviousData,
  });
