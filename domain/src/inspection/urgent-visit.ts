import { governanceCatalog } from '../governance/governance-catalog.ts';
import type { GovernanceCatalog } from '../governance/governance-catalog.ts';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';

// measure 11: "原则上现场检查前应当制定《现场检查方案》……经部门负责人审批后按计划实施现场检查". "原则上" leaves room for the
// urgent visit that cannot wait for approval: imminent danger, or a report that must be verified at once. The
// visit starts with its reason recorded; the bureau head's approval (事后补批) is due within the catalogue's
// period (catalog/governance.json urgentVisit, a placeholder marked unverified) and the plan shows 事后补批 until
// it is given.

export const URGENT_GROUNDS = ['imminent_danger', 'report_verification'] as const;
export type UrgentGround = (typeof URGENT_GROUNDS)[number];

export const URGENT_GROUND_NAMES: Record<UrgentGround, string> = {
  imminent_danger: '存在现实危险，需立即到场处置',
  report_verification: '举报、投诉或报告需立即到场核实',
};

export type UrgentStart = {
  ground: UrgentGround;
  reason: string;
  startedAt: string;
  startedByName: string;
  // when the bureau head's approval is due
  approvalDueBy: string;
};

export type PostApprovalState = 'not_urgent' | 'pending' | 'overdue' | 'approved' | 'rejected';

export const POST_APPROVAL_STATE_NAMES: Record<PostApprovalState, string> = {
  not_urgent: '',
  pending: '事后补批',
  overdue: '事后补批已超期',
  approved: '已事后补批',
  rejected: '事后补批未获批准',
};

const BASIS =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第十一项（原则上现场检查前应当制定《现场检查方案》……经部门负责人审批后按计划实施现场检查）';

export type UrgentStartRefusal = Refusal<'URGENT_VISIT_REASON_REQUIRED'>;

// The urgent start as recorded: the reason is required, the approval falls due `hours` after the start.
export const startUrgently = (
  input: { ground: UrgentGround; reason: string; startedByName: string },
  context: { now: Date; catalog?: GovernanceCatalog },
): Ok<{ urgent: UrgentStart }> | UrgentStartRefusal => {
  const reason = input.reason.trim();
  if (reason.length < 4)
    return refuse({
      code: 'URGENT_VISIT_REASON_REQUIRED',
      measure: 11,
      basis: BASIS,
      message: '紧急情况先行检查须写明理由（至少四个字）',
    });
  const hours = (context.catalog ?? governanceCatalog).urgentVisit.hours;
  return ok({
    urgent: {
      ground: input.ground,
      reason,
      startedAt: context.now.toISOString(),
      startedByName: input.startedByName,
      approvalDueBy: new Date(context.now.getTime() + hours * 3_600_000).toISOString(),
    },
  });
};

// Where the plan of an urgent visit stands, for the badge and the lists.
export const postApprovalState = (
  plan: { urgent: UrgentStart | null; status: string },
  now: Date,
): PostApprovalState => {
  if (!plan.urgent) return 'not_urgent';
  if (plan.status === 'approved') return 'approved';
  if (plan.status === 'rejected') return 'rejected';
  return now.getTime() > Date.parse(plan.urgent.approvalDueBy) ? 'overdue' : 'pending';
};
