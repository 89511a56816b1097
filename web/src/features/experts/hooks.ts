import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/types';

// measure 23: the expert database and the dispatches of its experts.

export type Expert = ResponseOf<'/api/v1/experts', 'get'>['items'][number];
export type Dispatch = ResponseOf<'/api/v1/expert-dispatches', 'get'>['items'][number];
export type VisitBody = BodyOf<'/api/v1/expert-dispatches/{id}/visit', 'post'>;

const experts = ['experts'] as const;
const dispatches = ['expert-dispatches'] as const;

export const useExpertCatalog = () =>
  useQuery({ queryKey: [...experts, 'catalog'], queryFn: () => unwrap(api.GET('/api/v1/experts/catalog')) });
export const useExperts = (enabled = true) =>
  useQuery({ queryKey: experts, queryFn: () => unwrap(api.GET('/api/v1/experts')), enabled });
export const useDispatches = () =>
  useQuery({ queryKey: dispatches, queryFn: () => unwrap(api.GET('/api/v1/expert-dispatches')) });
export const useDispatch = (id: string) =>
  useQuery({
    queryKey: [...dispatches, id],
    queryFn: () => unwrap(api.GET('/api/v1/expert-dispatches/{id}', { params: { path: { id } } })),
  });

const useInvalidate = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: experts }),
      queryClient.invalidateQueries({ queryKey: dispatches }),
    ]);
};

export const useRegisterExpert = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/v1/experts', 'post'>) => unwrap(api.POST('/api/v1/experts', { body })),
    onSuccess: invalidate,
  });
};
export const useAddQualification = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<'/api/v1/experts/{id}/qualifications', 'post'> }) =>
      unwrap(api.POST('/api/v1/experts/{id}/qualifications', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
};
export const useAddConflict = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<'/api/v1/experts/{id}/conflicts', 'post'> }) =>
      unwrap(api.POST('/api/v1/experts/{id}/conflicts', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
};
export const useRequestHelp = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/v1/expert-dispatches/requests', 'post'>) =>
      unwrap(api.POST('/api/v1/expert-dispatches/requests', { body })),
    onSuccess: invalidate,
  });
};
export const useDispatchOnRequest = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id: string;
      body: BodyOf<'/api/v1/expert-dispatches/{id}/dispatch', 'post'>;
    }) => unwrap(api.POST('/api/v1/expert-dispatches/{id}/dispatch', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
};
export const useRecordVisit = (id: string) => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: VisitBody) =>
      unwrap(api.POST('/api/v1/expert-dispatches/{id}/visit', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
};
export const useConfirmFixed = (id: string) => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ hazardId, fixedOn }: { hazardId: string; fixedOn: string }) =>
      unwrap(
        api.POST('/api/v1/expert-dispatches/{id}/hazards/{hazardId}/fixed', {
          params: { path: { id, hazardId } },
          body: { fixedOn },
        }),
      ),
    onSuccess: invalidate,
  });
};
export const useRateVisit = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, rating, comment }: { id: string; rating: number; comment: string }) =>
      unwrap(
        api.POST('/api/v1/expert-dispatches/{id}/rating', {
          params: { path: { id } },
          body: { rating, comment },
        }),
      ),
    onSuccess: invalidate,
  });
};

// measure 23 on an inspection's page: the dispatches on its findings, the experts a finding may get, the dispatch
export type DispatchCandidates = ResponseOf<'/api/v1/expert-dispatches/candidates', 'get'>;
export const useInspectionDispatches = (inspectionId: string, enabled = true) =>
  useQuery({
    queryKey: [...dispatches, 'inspection', inspectionId],
    queryFn: () => unwrap(api.GET('/api/v1/expert-dispatches', { params: { query: { inspectionId } } })),
    enabled,
  });
export const useDispatchCandidates = (findingId: string) =>
  useQuery({
    queryKey: [...dispatches, 'candidates', findingId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/expert-dispatches/candidates', { params: { query: { findingId } } })),
  });
export const useDispatchOnFinding = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/v1/expert-dispatches', 'post'>) =>
      unwrap(api.POST('/api/v1/expert-dispatches', { body })),
    onSuccess: invalidate,
  });
};
