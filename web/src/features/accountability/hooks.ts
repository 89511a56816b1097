import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types';

// measure 30: accountability records, their catalogue, and the steps of each.

export type AccountabilityRecord = ResponseOf<'/api/v1/accountability-records/{id}', 'get'>;
export type AccountabilityQuery = QueryOf<'/api/v1/accountability-records', 'get'>;
export type AccountabilityInput = BodyOf<'/api/v1/accountability-records', 'post'>;
export type AccountabilityCatalog = ResponseOf<'/api/v1/accountability-catalog', 'get'>;

const key = ['accountability'] as const;

export const useAccountabilityRecords = (query: AccountabilityQuery, enabled = true) =>
  useQuery({
    queryKey: [...key, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/accountability-records', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useAccountabilityRecord = (id: string | undefined) =>
  useQuery({
    queryKey: [...key, 'one', id],
    queryFn: () =>
      unwrap(api.GET('/api/v1/accountability-records/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });

export const useAccountabilityCatalog = () =>
  useQuery({
    queryKey: [...key, 'catalog'],
    queryFn: () => unwrap(api.GET('/api/v1/accountability-catalog')),
    staleTime: Infinity,
  });

// approval changes certificates and publications: refresh those views too
const useAccountabilityMutation = <Input, Output>(mutationFn: (input: Input) => Promise<Output>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
      await queryClient.invalidateQueries({ queryKey: ['officers'] });
    },
  });
};

export const useDraftAccountability = () =>
  useAccountabilityMutation((body: AccountabilityInput) =>
    unwrap(api.POST('/api/v1/accountability-records', { body })),
  );

export const useReviseAccountability = (id: string) =>
  useAccountabilityMutation((body: AccountabilityInput) =>
    unwrap(api.PATCH('/api/v1/accountability-records/{id}', { params: { path: { id } }, body })),
  );

export const useSubmitAccountability = (id: string) =>
  useAccountabilityMutation(() =>
    unwrap(
      api.POST('/api/v1/accountability-records/{id}/submission', { params: { path: { id } }, body: {} }),
    ),
  );

export const useApproveAccountability = (id: string) =>
  useAccountabilityMutation((note: string) =>
    unwrap(
      api.POST('/api/v1/accountability-records/{id}/approval', {
        params: { path: { id } },
        body: note.trim() ? { note: note.trim() } : {},
      }),
    ),
  );

export const useReturnAccountability = (id: string) =>
  useAccountabilityMutation((note: string) =>
    unwrap(
      api.POST('/api/v1/accountability-records/{id}/return', { params: { path: { id } }, body: { note } }),
    ),
  );

export const useCompleteCorrection = (id: string) =>
  useAccountabilityMutation((body: { completedOn: string; note: string }) =>
    unwrap(
      api.POST('/api/v1/accountability-records/{id}/correction-completion', {
        params: { path: { id } },
        body,
      }),
    ),
  );
