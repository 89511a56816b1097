import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, uploadFile } from '../../api/client';
import type { paths } from '../../api/schema';

type Body<P extends keyof paths> = paths[P] extends {
  post: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

export type SubmitBody = Body<'/api/v1/public/reports'>;
export type HandlingBody = Body<'/api/v1/reports/{id}/handling'>;
export type RewardBody = Body<'/api/v1/reports/{id}/reward'>;

const key = ['reports'] as const;

// ---------------------------------------------------------------- public
export const useReportOptions = () =>
  useQuery({
    queryKey: [...key, 'options'],
    queryFn: () => unwrap(api.GET('/api/v1/public/reports/options')),
    staleTime: Infinity,
  });

export const usePublicEnterpriseSearch = (q: string) =>
  useQuery({
    queryKey: [...key, 'enterprises', q],
    queryFn: () => unwrap(api.GET('/api/v1/public/reports/enterprises', { params: { query: { q } } })),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });

export const useSubmitReport = () =>
  useMutation({
    mutationFn: async ({ body, photos }: { body: SubmitBody; photos: File[] }) => {
      const receipt = await unwrap(api.POST('/api/v1/public/reports', { body }));
      for (const photo of photos) {
        const form = new FormData();
        form.append('receiptCode', receipt.receiptCode);
        form.append('password', receipt.password);
        form.append('file', photo);
        await uploadFile('/api/v1/public/reports/photos', form);
      }
      return receipt;
    },
  });

export const useFollowReport = () =>
  useMutation({
    mutationFn: (body: { receiptCode: string; password: string }) =>
      unwrap(api.POST('/api/v1/public/reports/follow', { body })),
  });

// ---------------------------------------------------------------- handling
export const useReports = (query: { page: number; pageSize: number; state?: string; overdue?: 'true' }) =>
  useQuery({
    queryKey: [...key, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/reports', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const useReport = (id: string | undefined) =>
  useQuery({
    queryKey: [...key, 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/reports/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });

const useReportMutation = <T, R>(id: string, call: (input: T) => Promise<R>) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
};

export const useHandleReport = (id: string) =>
  useReportMutation(id, (body: HandlingBody) =>
    unwrap(api.POST('/api/v1/reports/{id}/handling', { params: { path: { id } }, body })),
  );
export const useRequestExtension = (id: string) =>
  useReportMutation(id, (body: { days: number; reason: string }) =>
    unwrap(api.POST('/api/v1/reports/{id}/extension', { params: { path: { id } }, body })),
  );
export const useDecideExtension = (id: string) =>
  useReportMutation(id, (body: { approved: boolean }) =>
    unwrap(api.POST('/api/v1/reports/{id}/extension/decision', { params: { path: { id } }, body })),
  );
export const useOpenInspection = (id: string) =>
  useReportMutation(id, (body: { matters: string[] }) =>
    unwrap(api.POST('/api/v1/reports/{id}/inspection', { params: { path: { id } }, body })),
  );
export const useOpenCase = (id: string) =>
  useReportMutation(id, () =>
    unwrap(api.POST('/api/v1/reports/{id}/penalty-case', { params: { path: { id } } })),
  );
export const useReadIdentity = (id: string) =>
  useMutation({
    mutationFn: (body: { reason: string }) =>
      unwrap(api.POST('/api/v1/reports/{id}/identity', { params: { path: { id } }, body })),
  });
export const useRewardPreview = () =>
  useMutation({
    mutationFn: (body: Body<'/api/v1/reports/reward-preview'>) =>
      unwrap(api.POST('/api/v1/reports/reward-preview', { body })),
  });
export const useProposeReward = (id: string) =>
  useReportMutation(id, (body: RewardBody) =>
    unwrap(api.POST('/api/v1/reports/{id}/reward', { params: { path: { id } }, body })),
  );
export const useDecideReward = (id: string) =>
  useReportMutation(id, (body: { approved: boolean; note?: string | null }) =>
    unwrap(api.POST('/api/v1/reports/{id}/reward/decision', { params: { path: { id } }, body })),
  );
export const useNotifyReward = (id: string) =>
  useReportMutation(id, () =>
    unwrap(api.POST('/api/v1/reports/{id}/reward/notice', { params: { path: { id } } })),
  );
export const usePayReward = (id: string) =>
  useReportMutation(id, (body: Body<'/api/v1/reports/{id}/reward/payment'>) =>
    unwrap(api.POST('/api/v1/reports/{id}/reward/payment', { params: { path: { id } }, body })),
  );

export const useWaiveReward = (id: string) =>
  useReportMutation(id, (body: Body<'/api/v1/reports/{id}/reward/waiver'>) =>
    unwrap(api.POST('/api/v1/reports/{id}/reward/waiver', { params: { path: { id } }, body })),
  );

// ---------------------------------------------------------------- internal reporting (安委〔2024〕7号)
export const useInternalReporting = (enterpriseId: string | undefined) =>
  useQuery({
    queryKey: [...key, 'internal', enterpriseId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/enterprises/{id}/internal-reporting', {
          params: { path: { id: enterpriseId ?? '' } },
        }),
      ),
    enabled: Boolean(enterpriseId),
  });
