import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { BurdenQuery, InspectionPlan, InspectionQuery, MergePeriod } from '../../api/types';

const inspectionsKey = ['inspections'] as const;
// an enterprise's burden is read on its own page too
const enterpriseBurdenKey = ['enterprise-burden'] as const;

export const useInspections = (query: InspectionQuery) =>
  useQuery({
    queryKey: [...inspectionsKey, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/inspections', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const useBurden = (query: BurdenQuery) =>
  useQuery({
    queryKey: [...inspectionsKey, 'burden', query],
    queryFn: () => unwrap(api.GET('/api/v1/inspections/burden', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const useEnterpriseBurden = (enterpriseId: string | undefined, year?: number) =>
  useQuery({
    queryKey: [...enterpriseBurdenKey, enterpriseId, year],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/enterprises/{id}/burden', {
          params: { path: { id: enterpriseId ?? '' }, query: year ? { year } : {} },
        }),
      ),
    enabled: Boolean(enterpriseId),
  });

export const useMergeProposals = (query: { page: number; pageSize: number; period: MergePeriod }) =>
  useQuery({
    queryKey: [...inspectionsKey, 'merge-proposals', query],
    queryFn: () => unwrap(api.GET('/api/v1/inspections/merge-proposals', { params: { query } })),
    placeholderData: keepPreviousData,
  });

// Planning, merging and declining change the counts, the proposals and every enterprise's card.
const useInspectionMutation = <Input, Output>(mutationFn: (input: Input) => Promise<Output>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: inspectionsKey }),
        queryClient.invalidateQueries({ queryKey: enterpriseBurdenKey }),
      ]),
  });
};

export const usePlanInspection = () =>
  useInspectionMutation((body: InspectionPlan) => unwrap(api.POST('/api/v1/inspections', { body })));

export const useMergeInspections = () =>
  useInspectionMutation((body: { inspectionIds: string[]; intoId?: string }) =>
    unwrap(api.POST('/api/v1/inspections/merge', { body })),
  );

export const useDeclineMerge = () =>
  useInspectionMutation((body: { inspectionIds: string[]; reason: string }) =>
    unwrap(api.POST('/api/v1/inspections/merge/decline', { body })),
  );

// The enterprise picker of the planning form: the enterprises endpoint's search, a page at a time.
export const useEnterpriseOptions = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: ['enterprises', 'list', { q, pageSize: 20, for: 'inspection-picker' }],
    queryFn: () =>
      unwrap(api.GET('/api/v1/enterprises', { params: { query: { q: q || undefined, pageSize: 20 } } })),
    enabled,
    placeholderData: keepPreviousData,
  });
