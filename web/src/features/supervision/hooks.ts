import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/types';

// issue 17 items 3, 8, 9 (measures 18, 29): complaints about enforcement, case-file review, supervision figures.

export type Complaint = ResponseOf<'/api/v1/complaints', 'get'>['items'][number];
export type ComplaintInput = BodyOf<'/api/v1/complaints', 'post'>;
export type ReviewRound = ResponseOf<'/api/v1/case-reviews', 'get'>['items'][number];
export type ReviewRoundDetail = ResponseOf<'/api/v1/case-reviews/{id}', 'get'>;
export type ReviewFile = ReviewRoundDetail['files'][number];
export type RoundInput = BodyOf<'/api/v1/case-reviews', 'post'>;
export type ScoreInput = BodyOf<'/api/v1/case-review-files/{id}/score', 'post'>;
export type Statistics = ResponseOf<'/api/v1/supervision/statistics', 'get'>;
export type StatisticsUnit = Statistics['bureaus'][number];

const complaintsKey = ['complaints'] as const;
const reviewsKey = ['case-reviews'] as const;

export const useComplaints = (query: { status?: 'open' | 'answered'; overdue?: 'true' | 'false' }) =>
  useQuery({
    queryKey: [...complaintsKey, query],
    queryFn: () => unwrap(api.GET('/api/v1/complaints', { params: { query } })),
  });

export const useReceiveComplaint = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ComplaintInput) => unwrap(api.POST('/api/v1/complaints', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complaintsKey }),
  });
};

export const useAnswerComplaint = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer, answeredOn }: { id: string; answer: string; answeredOn: string }) =>
      unwrap(
        api.POST('/api/v1/complaints/{id}/answer', {
          params: { path: { id } },
          body: { answer, answeredOn },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complaintsKey }),
  });
};

export const useReviewRounds = () =>
  useQuery({ queryKey: reviewsKey, queryFn: () => unwrap(api.GET('/api/v1/case-reviews')) });

export const useReviewRound = (id: string) =>
  useQuery({
    queryKey: [...reviewsKey, id],
    queryFn: () => unwrap(api.GET('/api/v1/case-reviews/{id}', { params: { path: { id } } })),
  });

export const useOpenRound = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RoundInput) => unwrap(api.POST('/api/v1/case-reviews', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewsKey }),
  });
};

export const useSampleRound = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, publicEntropy }: { id: string; publicEntropy: string }) =>
      unwrap(
        api.POST('/api/v1/case-reviews/{id}/sample', { params: { path: { id } }, body: { publicEntropy } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewsKey }),
  });
};

export const useScoreFile = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ScoreInput }) =>
      unwrap(api.POST('/api/v1/case-review-files/{id}/score', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewsKey }),
  });
};

export const useOrderCorrection = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, requirement, dueOn }: { id: string; requirement: string; dueOn: string }) =>
      unwrap(
        api.POST('/api/v1/case-review-files/{id}/corrections', {
          params: { path: { id } },
          body: { requirement, dueOn },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewsKey }),
  });
};

export const useStatistics = (from: string, to: string) =>
  useQuery({
    queryKey: ['supervision-statistics', from, to],
    queryFn: () => unwrap(api.GET('/api/v1/supervision/statistics', { params: { query: { from, to } } })),
  });

export const useComplaintChannels = () =>
  useQuery({
    queryKey: [...complaintsKey, 'channels'],
    queryFn: () => unwrap(api.GET('/api/v1/complaints/channels')),
    staleTime: Infinity,
  });
