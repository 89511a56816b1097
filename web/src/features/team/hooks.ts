import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/types';

// measures 25, 26: the team's qualifications, training and selections.

export type Statistics = ResponseOf<'/api/v1/team/statistics', 'get'>;
export type Training = ResponseOf<'/api/v1/team/training', 'get'>;
export type Selection = ResponseOf<'/api/v1/team/selections', 'get'>['items'][number];

const key = ['team'] as const;

export const useTeamStatistics = () =>
  useQuery({ queryKey: [...key, 'statistics'], queryFn: () => unwrap(api.GET('/api/v1/team/statistics')) });
export const useTeamOfficers = () =>
  useQuery({ queryKey: [...key, 'officers'], queryFn: () => unwrap(api.GET('/api/v1/team/officers')) });
export const useTraining = (year: number) =>
  useQuery({
    queryKey: [...key, 'training', year],
    queryFn: () => unwrap(api.GET('/api/v1/team/training', { params: { query: { year } } })),
  });
export const useSelections = () =>
  useQuery({ queryKey: [...key, 'selections'], queryFn: () => unwrap(api.GET('/api/v1/team/selections')) });
export const useCandidates = (enabled: boolean) =>
  useQuery({
    queryKey: [...key, 'candidates'],
    queryFn: () => unwrap(api.GET('/api/v1/team/selections/candidates')),
    enabled,
  });

const useTeamMutation = <V, R>(fn: (variables: V) => Promise<R>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) });
};

export const useRecordQualification = () =>
  useTeamMutation((body: BodyOf<'/api/v1/team/qualifications', 'post'>) =>
    unwrap(api.POST('/api/v1/team/qualifications', { body })),
  );
export const useCreateCourse = () =>
  useTeamMutation((body: BodyOf<'/api/v1/team/training', 'post'>) =>
    unwrap(api.POST('/api/v1/team/training', { body })),
  );
export const useRecordAttendance = () =>
  useTeamMutation(({ id, officerId }: { id: string; officerId: string }) =>
    unwrap(
      api.POST('/api/v1/team/training/{id}/attendances', { params: { path: { id } }, body: { officerId } }),
    ),
  );
export const useCreateSelection = () =>
  useTeamMutation((body: BodyOf<'/api/v1/team/selections', 'post'>) =>
    unwrap(api.POST('/api/v1/team/selections', { body })),
  );
export const useNominate = () =>
  useTeamMutation(
    ({ id, body }: { id: string; body: BodyOf<'/api/v1/team/selections/{id}/nominations', 'post'> }) =>
      unwrap(api.POST('/api/v1/team/selections/{id}/nominations', { params: { path: { id } }, body })),
  );
export const useVote = () =>
  useTeamMutation(({ id, nominationId }: { id: string; nominationId: string }) =>
    unwrap(
      api.POST('/api/v1/team/selections/{id}/votes', { params: { path: { id } }, body: { nominationId } }),
    ),
  );
export const useCloseSelection = () =>
  useTeamMutation((id: string) =>
    unwrap(api.POST('/api/v1/team/selections/{id}/close', { params: { path: { id } } })),
  );
