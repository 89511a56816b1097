import type { InspectionStage } from './lifecycle.ts';

// The coarse status the lists, the burden and the draws count by, read from the one lifecycle column (the
// stage): an inspection is completed once its result is on record (documents issued, a remote check that
// found nothing, or the result recorded directly).
export const INSPECTION_STATUSES = ['planned', 'merged', 'completed', 'cancelled'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export const INSPECTION_STATUS_OF: Record<InspectionStage, InspectionStatus> = {
  planned: 'planned',
  remote_check: 'planned',
  plan_drafted: 'planned',
  plan_submitted: 'planned',
  plan_approved: 'planned',
  notified: 'planned',
  checked_in: 'planned',
  findings_recorded: 'planned',
  concluded: 'completed',
  closed: 'completed',
  closed_without_visit: 'completed',
  completed: 'completed',
  cancelled: 'cancelled',
  merged: 'merged',
};

export const inspectionStatusOf = (stage: InspectionStage): InspectionStatus => INSPECTION_STATUS_OF[stage];

// The stages of a status, for a query on the stage column.
export const stagesWithStatus = (...statuses: InspectionStatus[]): InspectionStage[] =>
  (Object.keys(INSPECTION_STATUS_OF) as InspectionStage[]).filter((stage) =>
    statuses.includes(INSPECTION_STATUS_OF[stage]),
  );

// The open stages: still to be done, counted against the allowance and offered for merging.
export const OPEN_STAGES = stagesWithStatus('planned');
