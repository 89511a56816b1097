import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/types';

// issue 15 item 10 (measure 22): published penalty decisions and credit repair.

export type PublicDecision = ResponseOf<'/api/v1/public/penalty-decisions', 'get'>['items'][number];
export type Publication = ResponseOf<'/api/v1/my-enterprise/penalty-publications', 'get'>['items'][number];
export type RepairBody = BodyOf<'/api/v1/my-enterprise/penalty-publications/{id}/repair', 'post'>;
export type RepairDecisionBody = BodyOf<'/api/v1/credit-repair-applications/{id}/decision', 'post'>;

export const usePublicDecisions = (page: number) =>
  useQuery({
    queryKey: ['public-penalty-decisions', page],
    queryFn: () =>
      unwrap(api.GET('/api/v1/public/penalty-decisions', { params: { query: { page, pageSize: 20 } } })),
  });

const ownKey = ['my-penalty-publications'] as const;

export const useOwnPublications = () =>
  useQuery({
    queryKey: ownKey,
    queryFn: () => unwrap(api.GET('/api/v1/my-enterprise/penalty-publications')),
  });

export const useApplyForRepair = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RepairBody }) =>
      unwrap(
        api.POST('/api/v1/my-enterprise/penalty-publications/{id}/repair', {
          params: { path: { id } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ownKey }),
  });
};

export const useDecideRepair = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RepairDecisionBody }) =>
      unwrap(
        api.POST('/api/v1/credit-repair-applications/{id}/decision', { params: { path: { id } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['penalty-cases'] }),
  });
};

export type WithdrawalBody = BodyOf<'/api/v1/penalty-cases/{id}/publication/withdrawal', 'post'>;
export const useWithdrawPublication = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: WithdrawalBody }) =>
      unwrap(
        api.POST('/api/v1/penalty-cases/{id}/publication/withdrawal', { params: { path: { id } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['penalty-cases'] }),
  });
};

// 令第11号: the bureau's answer to a proposed listing, and the public list
export type ListingRecommendationBody = BodyOf<
  '/api/v1/penalty-cases/{id}/serious-dishonesty/recommendation',
  'post'
>;
export type ListingDecisionBody = BodyOf<'/api/v1/penalty-cases/{id}/serious-dishonesty/decision', 'post'>;
export type ListingRemovalBody = BodyOf<'/api/v1/penalty-cases/{id}/serious-dishonesty/removal', 'post'>;
export type PublicListing = ResponseOf<'/api/v1/public/serious-dishonesty-list', 'get'>['items'][number];

const useCaseStep = <B>(send: (id: string, body: B) => Promise<unknown>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: B }) => send(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['penalty-cases'] }),
  });
};

export const useRecommendListing = () =>
  useCaseStep((id, body: ListingRecommendationBody) =>
    unwrap(
      api.POST('/api/v1/penalty-cases/{id}/serious-dishonesty/recommendation', {
        params: { path: { id } },
        body,
      }),
    ),
  );
export const useDecideListing = () =>
  useCaseStep((id, body: ListingDecisionBody) =>
    unwrap(
      api.POST('/api/v1/penalty-cases/{id}/serious-dishonesty/decision', { params: { path: { id } }, body }),
    ),
  );
export const useRemoveListing = () =>
  useCaseStep((id, body: ListingRemovalBody) =>
    unwrap(
      api.POST('/api/v1/penalty-cases/{id}/serious-dishonesty/removal', { params: { path: { id } }, body }),
    ),
  );

export const usePublicListings = () =>
  useQuery({
    queryKey: ['public-serious-dishonesty-list'],
    queryFn: () => unwrap(api.GET('/api/v1/public/serious-dishonesty-list')),
  });
