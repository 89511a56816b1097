import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type {
  DrawCancellationDecision,
  DrawDetailQuery,
  DrawFreeze,
  DrawPerform,
  DrawRecusal,
  DrawStatus,
} from '../../api/types';

const drawsKey = ['draws'] as const;
const publicKey = ['public', 'draws'] as const;

export const useDraws = (query: { page: number; pageSize: number; year?: number; status?: DrawStatus }) =>
  useQuery({
    queryKey: [...drawsKey, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/draws', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const useDraw = (id: string | undefined, query: DrawDetailQuery) =>
  useQuery({
    queryKey: [...drawsKey, 'one', id, query],
    queryFn: () => unwrap(api.GET('/api/v1/draws/{id}', { params: { path: { id: id ?? '' }, query } })),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });

// Every step changes what the public pages show too: refresh both.
const useDrawMutation = <Input, Output>(mutationFn: (input: Input) => Promise<Output>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: drawsKey }),
        queryClient.invalidateQueries({ queryKey: publicKey }),
      ]),
  });
};

export const useFreezeDraw = () =>
  useDrawMutation((body: DrawFreeze) => unwrap(api.POST('/api/v1/draws', { body })));

export const usePerformDraw = (id: string) =>
  useDrawMutation((body: DrawPerform) =>
    unwrap(api.POST('/api/v1/draws/{id}/perform', { params: { path: { id } }, body })),
  );

export const useRecordRecusal = (id: string) =>
  useDrawMutation((body: DrawRecusal) =>
    unwrap(api.POST('/api/v1/draws/{id}/recusals', { params: { path: { id } }, body })),
  );

export const useRequestCancellation = (id: string) =>
  useDrawMutation((reason: string) =>
    unwrap(api.POST('/api/v1/draws/{id}/cancellation', { params: { path: { id } }, body: { reason } })),
  );

export const useDecideCancellation = (id: string) =>
  useDrawMutation((body: DrawCancellationDecision) =>
    unwrap(api.POST('/api/v1/draws/{id}/cancellation/decision', { params: { path: { id } }, body })),
  );

export const usePublishDrawResults = (id: string) =>
  useDrawMutation(() =>
    unwrap(api.POST('/api/v1/draws/{id}/results/publish', { params: { path: { id } }, body: {} })),
  );

// The departments that may join the inspections (measure 6), and the approved plans whose batches may be drawn.
export const useDepartments = (enabled: boolean) =>
  useQuery({
    queryKey: ['organisations', 'departments'],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/organisations', { params: { query: { kind: 'department' } } }))).items,
    enabled,
  });

export const useApprovedPlans = (enabled: boolean) =>
  useQuery({
    queryKey: ['annual-plans', 'list', 'for-draws'],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/annual-plans', { params: { query: {} } }))).items.filter((plan) =>
        ['approved', 'filed', 'published'].includes(plan.status),
      ),
    enabled,
  });

export const useAnnualPlanBatches = (id: string | undefined) =>
  useQuery({
    queryKey: ['annual-plans', 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/annual-plans/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
    select: (plan) => plan.batches,
  });

// 公示: anyone, no session.
export const usePublicDraws = (query: { page: number; pageSize: number }) =>
  useQuery({
    queryKey: [...publicKey, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/public/draws', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const usePublicDraw = (id: string | undefined, query: DrawDetailQuery) =>
  useQuery({
    queryKey: [...publicKey, 'one', id, query],
    queryFn: () =>
      unwrap(api.GET('/api/v1/public/draws/{id}', { params: { path: { id: id ?? '' }, query } })),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });

// The inspecta-draw-v1 record's address: served without login once drawn.
export const recordUrl = (id: string): string => `/api/v1/draws/${encodeURIComponent(id)}/record`;
