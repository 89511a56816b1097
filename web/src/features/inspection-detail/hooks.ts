import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { DelegationInput, OnsitePlanDecision, OnsitePlanDraft, UrgentStart } from './types';

const inspectionKey = (id: string) => ['inspections', 'one', id] as const;

export const useInspection = (id: string) =>
  useQuery({
    queryKey: [...inspectionKey(id), 'summary'],
    queryFn: () => unwrap(api.GET('/api/v1/inspections/{id}', { params: { path: { id } } })),
    enabled: id !== '',
  });

export const useOnsite = (id: string) =>
  useQuery({
    queryKey: [...inspectionKey(id), 'onsite'],
    queryFn: () => unwrap(api.GET('/api/v1/inspections/{id}/onsite', { params: { path: { id } } })),
    enabled: id !== '',
  });

export const useTimeline = (id: string) =>
  useQuery({
    queryKey: [...inspectionKey(id), 'timeline'],
    queryFn: () => unwrap(api.GET('/api/v1/inspections/{id}/timeline', { params: { path: { id } } })),
    enabled: id !== '',
  });

// The code exists once the plan is approved and the enterprise notified (or the unannounced reason recorded).
export const useCheckInCode = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...inspectionKey(id), 'checkin-code'],
    queryFn: () => unwrap(api.GET('/api/v1/inspections/{id}/checkin-code', { params: { path: { id } } })),
    enabled: enabled && id !== '',
  });

// The roster of the inspecting subject, to pick the plan's officers by certificate.
export const useRoster = (organisationId: string | undefined) =>
  useQuery({
    queryKey: ['officers', 'roster', organisationId],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/officers', {
            params: { query: { organisationId: organisationId ?? '', onRoster: 'true', pageSize: 100 } },
          }),
        )
      ).items,
    enabled: Boolean(organisationId),
  });

// Every step moves the stage, the guards and the timeline: refresh the whole inspection.
const useInspectionMutation = <Input, Output>(id: string, mutationFn: (input: Input) => Promise<Output>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: inspectionKey(id) }),
        queryClient.invalidateQueries({ queryKey: ['inspections', 'list'] }),
        // issue 13 item 6: the documents panel (an approval issues the plan, a notice its letter) and the workbench
        queryClient.invalidateQueries({ queryKey: ['inspection-documents'] }),
        queryClient.invalidateQueries({ queryKey: ['workbench'] }),
      ]),
  });
};

export const useDraftPlan = (id: string) =>
  useInspectionMutation(id, (body: OnsitePlanDraft) =>
    unwrap(api.POST('/api/v1/inspections/{id}/onsite-plan', { params: { path: { id } }, body })),
  );

export const useSubmitPlan = (id: string) =>
  useInspectionMutation(id, () =>
    unwrap(api.POST('/api/v1/inspections/{id}/onsite-plan/submit', { params: { path: { id } }, body: {} })),
  );

export const useDecidePlan = (id: string) =>
  useInspectionMutation(id, (body: OnsitePlanDecision) =>
    unwrap(api.POST('/api/v1/inspections/{id}/onsite-plan/decision', { params: { path: { id } }, body })),
  );

// measure 11 "原则上": an urgent visit starts first, the plan approved afterwards (事后补批).
export const useStartUrgently = (id: string) =>
  useInspectionMutation(id, (body: UrgentStart) =>
    unwrap(api.POST('/api/v1/inspections/{id}/onsite-plan/urgent-start', { params: { path: { id } }, body })),
  );

// measure 5 "等渠道": the department head approves an "other" channel as the ground of the inspection.
export const useApproveTrigger = (id: string) =>
  useInspectionMutation(id, () =>
    unwrap(api.POST('/api/v1/inspections/{id}/trigger-approval', { params: { path: { id } } })),
  );

export const useNotify = (id: string) =>
  useInspectionMutation(id, (selfCheckList: boolean) =>
    unwrap(
      api.POST('/api/v1/inspections/{id}/notify', { params: { path: { id } }, body: { selfCheckList } }),
    ),
  );

// 一键生成: a draft plan for every planned inspection of a draw.
export const usePlansFromDraw = (drawId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/draws/{id}/onsite-plans', { params: { path: { id: drawId } }, body: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['inspections'] }),
  });
};

// measure 13: the 现场检查记录 is issued once every finding is fixed or ordered and the head signed or refused;
// the inspection closes when every order is settled.
export const useConclude = (id: string) =>
  useInspectionMutation(id, () =>
    unwrap(api.POST('/api/v1/inspections/{id}/conclude', { params: { path: { id } }, body: {} })),
  );

export const useClose = (id: string) =>
  useInspectionMutation(id, () =>
    unwrap(api.POST('/api/v1/inspections/{id}/close', { params: { path: { id } }, body: {} })),
  );

// The findings with their emergency measures (the on-site record), for the review that lets work resume.
export const useRecordForm = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...inspectionKey(id), 'form'],
    queryFn: () => unwrap(api.GET('/api/v1/inspections/{id}/form', { params: { path: { id } } })),
    enabled: enabled && id !== '',
  });

export const useResume = (id: string) =>
  useInspectionMutation(id, ({ findingId, note }: { findingId: string; note: string }) =>
    unwrap(
      api.POST('/api/v1/inspections/{id}/findings/{findingId}/resumption', {
        params: { path: { id, findingId } },
        body: { note },
      }),
    ),
  );

// measure 11: the bureau head's delegations of the on-site plan approval (a unit head sees its own).
const delegationsKey = ['plan-approval-delegations'] as const;

export const useDelegations = () =>
  useQuery({
    queryKey: delegationsKey,
    queryFn: () => unwrap(api.GET('/api/v1/plan-approval-delegations')),
  });

export const useDelegateCandidates = (enabled: boolean) =>
  useQuery({
    queryKey: [...delegationsKey, 'candidates'],
    queryFn: () => unwrap(api.GET('/api/v1/plan-approval-delegations/candidates')),
    enabled,
  });

const useDelegationMutation = <Input, Output>(mutationFn: (input: Input) => Promise<Output>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: delegationsKey }),
  });
};

export const useDelegate = () =>
  useDelegationMutation((body: DelegationInput) =>
    unwrap(api.POST('/api/v1/plan-approval-delegations', { body })),
  );

export const useRevokeDelegation = () =>
  useDelegationMutation((id: string) =>
    unwrap(api.POST('/api/v1/plan-approval-delegations/{id}/revoke', { params: { path: { id } } })),
  );
