import type { InspectionStage } from './lifecycle.ts';

// Issue 13 item 3: what is to be done next at each stage, as the inspection list shows it (null: nothing).
export const NEXT_STEP_NAMES: Record<InspectionStage, string | null> = {
  planned: '制定现场检查方案或先行非现场检查',
  remote_check: '记录非现场检查结果',
  plan_drafted: '提交现场检查方案',
  plan_submitted: '部门负责人审批方案',
  plan_approved: '通知企业',
  notified: '亮码入企',
  checked_in: '记录检查情况',
  findings_recorded: '出具检查文书',
  concluded: '跟踪整改并结束检查',
  closed: null,
  closed_without_visit: null,
  cancelled: null,
  merged: null,
  completed: null,
};

// the stages before the visit: a planned date passed in one of them is overdue
export const STAGES_BEFORE_VISIT: readonly InspectionStage[] = [
  'planned',
  'remote_check',
  'plan_drafted',
  'plan_submitted',
  'plan_approved',
  'notified',
];

export const isPlannedVisitOverdue = (stage: InspectionStage, plannedOn: string, today: string): boolean =>
  plannedOn < today && STAGES_BEFORE_VISIT.includes(stage);
