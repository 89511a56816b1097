import { refuse, ok, type Ok, type Refusal } from '../shared/result.ts';

// Issue 5 item 1: the inspection's lifecycle as an explicit state machine. Each transition names the measure
// that governs it; the guards that need facts (officers, plans, caps) are in may-begin-inspection.ts and
// run before the transitions that start the visit (approve_plan, check_in).
//
//   planned → plan_drafted → plan_submitted → plan_approved → notified → checked_in → findings_recorded
//           → concluded (documents issued) → closed
//   planned → remote_check → closed_without_visit (no violation, measure 7)
//                          → plan_drafted (violation: visit) | concluded (violation: order without a visit)
//   plan_drafted | plan_submitted → notified (urgent visit, approval given afterwards: 事后补批, measure 11)
//   completed: the result recorded without the on-site steps by the platform's first version (no longer
//   reachable: measure 5 admits no way round the plan, the team and the check-in; kept for old records)

export const INSPECTION_STAGES = [
  'planned',
  'remote_check',
  'plan_drafted',
  'plan_submitted',
  'plan_approved',
  'notified',
  'checked_in',
  'findings_recorded',
  'concluded',
  'closed',
  'closed_without_visit',
  'cancelled',
  'merged',
  'completed',
] as const;
export type InspectionStage = (typeof INSPECTION_STAGES)[number];

export const INSPECTION_STAGE_NAMES: Record<InspectionStage, string> = {
  planned: '已计划',
  remote_check: '非现场检查中',
  plan_drafted: '检查方案草拟',
  plan_submitted: '方案待审批',
  plan_approved: '方案已批准',
  notified: '已通知企业',
  checked_in: '已亮码入企',
  findings_recorded: '已记录检查情况',
  concluded: '已出具文书',
  closed: '已结束',
  closed_without_visit: '非现场检查无违法，不再到场',
  cancelled: '已取消',
  merged: '已合并',
  completed: '已完成',
};

export const INSPECTION_EVENTS = [
  'start_remote_check',
  'remote_no_violation',
  'remote_violation_visit',
  'remote_violation_order',
  'draft_plan',
  'submit_plan',
  'approve_plan',
  'reject_plan',
  'start_urgently',
  'notify',
  'check_in',
  'record_findings',
  'conclude',
  'close',
  'cancel',
  'merge',
] as const;
export type InspectionEvent = (typeof INSPECTION_EVENTS)[number];

type Transition = { from: readonly InspectionStage[]; to: InspectionStage; measure: number; what: string };

const MEASURES = '《江门市应急管理系统严格规范涉企行政检查若干措施》';

export const TRANSITIONS: Record<InspectionEvent, Transition> = {
  // measure 7: non-site first; a remote or written check that finds nothing ends without a visit
  start_remote_check: {
    from: ['planned'],
    to: 'remote_check',
    measure: 7,
    what: '开展非现场（书面/远程）检查',
  },
  remote_no_violation: {
    from: ['remote_check'],
    to: 'closed_without_visit',
    measure: 7,
    what: '非现场检查未发现违法行为',
  },
  remote_violation_visit: {
    from: ['remote_check'],
    to: 'plan_drafted',
    measure: 7,
    what: '非现场检查发现问题，需到现场核查',
  },
  remote_violation_order: {
    from: ['remote_check'],
    to: 'concluded',
    measure: 13,
    what: '非现场检查发现问题，直接责令整改',
  },
  // measure 11: the on-site plan, approved by the department head before the visit
  draft_plan: {
    from: ['planned', 'plan_drafted', 'plan_submitted'],
    to: 'plan_drafted',
    measure: 11,
    what: '草拟现场检查方案',
  },
  submit_plan: { from: ['plan_drafted'], to: 'plan_submitted', measure: 11, what: '提交现场检查方案' },
  approve_plan: {
    from: ['plan_submitted'],
    to: 'plan_approved',
    measure: 11,
    what: '部门负责人批准现场检查方案',
  },
  reject_plan: {
    from: ['plan_submitted'],
    to: 'plan_drafted',
    measure: 11,
    what: '部门负责人退回现场检查方案',
  },
  // measure 11 "原则上": an urgent visit starts before the approval, which is given afterwards (事后补批)
  start_urgently: {
    from: ['plan_drafted', 'plan_submitted'],
    to: 'notified',
    measure: 11,
    what: '紧急情况先行检查（事后补批）',
  },
  // the notice (or the recorded reason for an unannounced visit)
  notify: { from: ['plan_approved'], to: 'notified', measure: 11, what: '送达检查通知或记录不打招呼的理由' },
  // measure 12: arrival, shown by the code the enterprise scans
  check_in: { from: ['notified'], to: 'checked_in', measure: 12, what: '亮码入企' },
  record_findings: {
    from: ['checked_in', 'findings_recorded'],
    to: 'findings_recorded',
    measure: 12,
    what: '记录检查情况',
  },
  // measure 13: every finding fed back, fixed on the spot or ordered; the documents issued
  conclude: { from: ['findings_recorded'], to: 'concluded', measure: 13, what: '出具检查文书' },
  close: { from: ['concluded'], to: 'closed', measure: 13, what: '结束检查（整改已闭环）' },
  cancel: {
    from: ['planned', 'plan_drafted', 'plan_submitted', 'plan_approved', 'notified'],
    to: 'cancelled',
    measure: 5,
    what: '取消检查',
  },
  merge: { from: ['planned', 'plan_drafted'], to: 'merged', measure: 8, what: '合并检查' },
};

export type TransitionRefusal = Refusal<'INSPECTION_TRANSITION_NOT_ALLOWED'>;

export const transition = (
  stage: InspectionStage,
  event: InspectionEvent,
): Ok<{ to: InspectionStage; measure: number }> | TransitionRefusal => {
  const rule = TRANSITIONS[event];
  if (!rule.from.includes(stage)) {
    return refuse({
      code: 'INSPECTION_TRANSITION_NOT_ALLOWED',
      measure: rule.measure,
      basis: `${MEASURES}第${chineseNumeral(rule.measure)}项`,
      message: `检查当前状态为“${INSPECTION_STAGE_NAMES[stage]}”，不能${rule.what}（须在“${rule.from.map((s) => INSPECTION_STAGE_NAMES[s]).join('”或“')}”状态）`,
    });
  }
  return ok({ to: rule.to, measure: rule.measure });
};

export const isTerminal = (stage: InspectionStage): boolean =>
  stage === 'closed' ||
  stage === 'closed_without_visit' ||
  stage === 'cancelled' ||
  stage === 'merged' ||
  stage === 'completed';

// The events possible from a stage, for the UI's next-step buttons.
export const eventsFrom = (stage: InspectionStage): InspectionEvent[] =>
  INSPECTION_EVENTS.filter((event) => TRANSITIONS[event].from.includes(stage));

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export const chineseNumeral = (n: number): string => {
  if (n <= 10) return NUMERALS[n] ?? String(n);
  if (n < 20) return `十${NUMERALS[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${NUMERALS[tens]}十${ones ? NUMERALS[ones] : ''}`;
};
