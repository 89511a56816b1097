import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types';

// measure 15: major hidden dangers referred for a case (移交立案审查), settled by the legal reviewer.

export type CaseReferral = ResponseOf<'/api/v1/case-referrals', 'get'>['items'][number];
export type CaseReferralQuery = QueryOf<'/api/v1/case-referrals', 'get'>;
export type CaseReferralDecision = BodyOf<'/api/v1/case-referrals/{id}/decision', 'post'>;

const key = ['case-referrals'] as const;

export const useCaseReferrals = (query: CaseReferralQuery) =>
  useQuery({
    queryKey: [...key, query],
    queryFn: () => unwrap(api.GET('/api/v1/case-referrals', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const useDecideReferral = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CaseReferralDecision }) =>
      unwrap(api.POST('/api/v1/case-referrals/{id}/decision', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
};
