import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { FactInput, GradingOverviewQuery, RegradeRun } from '../../api/types';

const gradingKey = ['grading'] as const;

export const useEnterpriseGrade = (id: string) =>
  useQuery({
    queryKey: [...gradingKey, 'grade', id],
    queryFn: () => unwrap(api.GET('/api/v1/enterprises/{id}/grade', { params: { path: { id } } })),
  });

export const useEnterpriseFacts = (id: string) =>
  useQuery({
    queryKey: [...gradingKey, 'facts', id],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/enterprises/{id}/facts', { params: { path: { id } } }))).items,
  });

// A fact (or its retraction) regrades the enterprise at once: refresh its grade, the overview
// and the enterprise record (its 重点 flag may have moved).
const useFactMutation = <Input, Output>(mutationFn: (input: Input) => Promise<Output>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: gradingKey }),
        queryClient.invalidateQueries({ queryKey: ['enterprises'] }),
      ]),
  });
};

export const useRecordFact = (enterpriseId: string) =>
  useFactMutation((body: FactInput) =>
    unwrap(api.POST('/api/v1/enterprises/{id}/facts', { params: { path: { id: enterpriseId } }, body })),
  );

export const useRetractFact = (enterpriseId: string) =>
  useFactMutation(({ factId, reason }: { factId: string; reason: string }) =>
    unwrap(
      api.POST('/api/v1/enterprises/{id}/facts/{factId}/retraction', {
        params: { path: { id: enterpriseId, factId } },
        body: { reason },
      }),
    ),
  );

export const useGradingOverview = (query: GradingOverviewQuery) =>
  useQuery({
    queryKey: [...gradingKey, 'overview', query],
    queryFn: () => unwrap(api.GET('/api/v1/grading/overview', { params: { query } })),
    placeholderData: keepPreviousData,
  });

const isRunning = (run: RegradeRun | undefined): boolean => run?.status === 'running';

// The latest regrade runs; while one runs, poll every second so its progress bar moves.
export const useRegradeRuns = (enabled: boolean) =>
  useQuery({
    queryKey: [...gradingKey, 'runs'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/grading/runs'))).items,
    enabled,
    refetchInterval: (query) => (query.state.data?.some(isRunning) ? 1000 : false),
  });

export const useRegradeRun = (id: string | undefined) =>
  useQuery({
    queryKey: [...gradingKey, 'runs', id],
    queryFn: () => unwrap(api.GET('/api/v1/grading/runs/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
    refetchInterval: (query) => (isRunning(query.state.data) ? 1000 : false),
  });

export const useStartRegrade = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await unwrap(api.POST('/api/v1/grading/regrade', { body: {} }))).run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...gradingKey, 'runs'] }),
  });
};

// The catalogue behind every grade; it changes only with a new catalogue version.
export const useGradingCatalog = (enabled = true) =>
  useQuery({
    queryKey: ['catalog', 'grading'],
    queryFn: () => unwrap(api.GET('/api/v1/catalog/grading')),
    staleTime: 60 * 60_000,
    enabled,
  });
