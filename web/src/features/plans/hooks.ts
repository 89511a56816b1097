import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadFile, unwrap } from '../../api/client';
import type {
  AnnualPlanCompute,
  ApproveAnnualPlan,
  FileAnnualPlan,
  MonthlyPlanCreate,
  MonthlyPlanQuery,
  PublishAnnualPlan,
  SubmitAnnualPlan,
} from '../../api/types';

const annualKey = ['annual-plans'] as const;
const monthlyKey = ['monthly-plans'] as const;
const publicKey = ['public', 'annual-plans'] as const;

export const useAnnualPlans = (year?: number) =>
  useQuery({
    queryKey: [...annualKey, 'list', year ?? null],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/annual-plans', { params: { query: year ? { year } : {} } }))).items,
    placeholderData: keepPreviousData,
  });

export const useAnnualPlan = (id: string | undefined) =>
  useQuery({
    queryKey: [...annualKey, 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/annual-plans/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });

export const usePlanExecution = (id: string, asOf?: string) =>
  useQuery({
    queryKey: [...annualKey, 'execution', id, asOf ?? null],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/annual-plans/{id}/execution', {
          params: { path: { id }, query: asOf ? { asOf } : {} },
        }),
      ),
    placeholderData: keepPreviousData,
  });

// Every step moves a plan's status or version: refresh the lists, the detail and the public page.
const useAnnualMutation = <Input, Output>(mutationFn: (input: Input) => Promise<Output>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: annualKey }),
        queryClient.invalidateQueries({ queryKey: publicKey }),
      ]),
  });
};

export const useComputeAnnualPlan = () =>
  useAnnualMutation((body: AnnualPlanCompute) => unwrap(api.POST('/api/v1/annual-plans/compute', { body })));

export const useSubmitAnnualPlan = (id: string) =>
  useAnnualMutation((body: SubmitAnnualPlan) =>
    unwrap(api.POST('/api/v1/annual-plans/{id}/submit', { params: { path: { id } }, body })),
  );

export const useReturnAnnualPlan = (id: string) =>
  useAnnualMutation((reason: string) =>
    unwrap(api.POST('/api/v1/annual-plans/{id}/return', { params: { path: { id } }, body: { reason } })),
  );

export const useApproveAnnualPlan = (id: string) =>
  useAnnualMutation((body: ApproveAnnualPlan) =>
    unwrap(api.POST('/api/v1/annual-plans/{id}/approve', { params: { path: { id } }, body })),
  );

export const useFileAnnualPlan = (id: string) =>
  useAnnualMutation((body: FileAnnualPlan) =>
    unwrap(api.POST('/api/v1/annual-plans/{id}/file', { params: { path: { id } }, body })),
  );

export const usePublishAnnualPlan = (id: string) =>
  useAnnualMutation((body: PublishAnnualPlan) =>
    unwrap(api.POST('/api/v1/annual-plans/{id}/publish', { params: { path: { id } }, body })),
  );

export const useReviseAnnualPlan = (id: string) =>
  useAnnualMutation((reason: string) =>
    unwrap(api.POST('/api/v1/annual-plans/{id}/revisions', { params: { path: { id } }, body: { reason } })),
  );

export const exportAnnualPlan = (id: string, year: number, version: number) =>
  downloadFile(
    `/api/v1/annual-plans/${encodeURIComponent(id)}/export.xlsx`,
    {},
    `${year}年度监督检查计划（第${version}版）.xlsx`,
  );

// The official document (title, 文号 line, body, tables) for printing and sending.
export const exportAnnualPlanDocx = (id: string, year: number, version: number) =>
  downloadFile(
    `/api/v1/annual-plans/${encodeURIComponent(id)}/export.docx`,
    {},
    `${year}年度监督检查计划（第${version}版）.docx`,
  );

export const useMonthlyPlans = (query: MonthlyPlanQuery) =>
  useQuery({
    queryKey: [...monthlyKey, 'list', query],
    queryFn: async () => (await unwrap(api.GET('/api/v1/monthly-plans', { params: { query } }))).items,
    placeholderData: keepPreviousData,
  });

const useMonthlyMutation = <Input, Output>(mutationFn: (input: Input) => Promise<Output>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monthlyKey }),
  });
};

export const useCreateMonthlyPlan = () =>
  useMonthlyMutation((body: MonthlyPlanCreate) => unwrap(api.POST('/api/v1/monthly-plans', { body })));

export const useSubmitMonthlyPlan = () =>
  useMonthlyMutation((id: string) =>
    unwrap(api.POST('/api/v1/monthly-plans/{id}/submit', { params: { path: { id } }, body: {} })),
  );

export const useFileMonthlyPlan = () =>
  useMonthlyMutation((id: string) =>
    unwrap(api.POST('/api/v1/monthly-plans/{id}/file', { params: { path: { id } }, body: {} })),
  );

// The published plans' totals and matters, for anyone (公示), no session needed.
export const usePublicAnnualPlans = () =>
  useQuery({
    queryKey: publicKey,
    queryFn: async () => (await unwrap(api.GET('/api/v1/public/annual-plans'))).items,
  });

// The workday categories a computation asks for, straight from the planning catalogue.
export const usePlanningCatalog = () =>
  useQuery({
    queryKey: ['catalog', 'planning'],
    queryFn: () => unwrap(api.GET('/api/v1/catalog/planning')),
    staleTime: Infinity,
  });

// measure 1 (衔接): the city's comparison of its counties' plans for a year.
export const usePlanComparison = (year: number, enabled: boolean) =>
  useQuery({
    queryKey: ['plans', 'comparison', year],
    queryFn: () => unwrap(api.GET('/api/v1/annual-plans/comparison', { params: { query: { year } } })),
    enabled,
  });
