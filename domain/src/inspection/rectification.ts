import { seededCalendar } from '../calendar/statutory-calendar.ts';
import type { StatutoryCalendar } from '../calendar/statutory-calendar.ts';
import { addWorkdays } from '../calendar/workdays.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { ok, refuse, type Ok, type Refusal } from '../shared/result.ts';

// measure 13 (help before punishment): a finding not fixed on the spot gets a rectification order
// (责令限期整改指令书) with requirements and a deadline in workdays; the enterprise submits proof; the officer
// reviews it (整改复查). "Rectified" (proof reviewed and passed) and "closed without rectification" are
// different end states and are never shown alike. Overdue or failed orders escalate to the bureau as
// candidates for a case (移交立案).

export const RECTIFICATION_STATUSES = [
  'issued',
  'proof_submitted',
  'rectified',
  'failed',
  'escalated',
  'closed_without_rectification',
] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const RECTIFICATION_STATUS_NAMES: Record<RectificationStatus, string> = {
  issued: '待整改',
  proof_submitted: '已提交整改材料，待复查',
  rectified: '已整改（复查通过）',
  failed: '复查未通过，继续整改',
  escalated: '逾期或整改不到位，移交立案审查',
  closed_without_rectification: '未经整改关闭',
};

export type RectificationEvent =
  'submit_proof' | 'pass' | 'fail' | 'escalate' | 'close_without_rectification';

const FROM: Record<RectificationEvent, readonly RectificationStatus[]> = {
  submit_proof: ['issued', 'failed'],
  pass: ['proof_submitted'],
  fail: ['proof_submitted'],
  escalate: ['issued', 'failed', 'proof_submitted'],
  close_without_rectification: ['issued', 'failed', 'escalated'],
};
const TO: Record<RectificationEvent, RectificationStatus> = {
  submit_proof: 'proof_submitted',
  pass: 'rectified',
  fail: 'failed',
  escalate: 'escalated',
  close_without_rectification: 'closed_without_rectification',
};

const BASIS =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第十三项（当场反馈、限期整改、整改复查，不得“一查了之”）；《中华人民共和国安全生产法》第六十五条第一款第（三）项';

export type RectificationRefusalCode =
  'RECTIFICATION_TRANSITION_NOT_ALLOWED' | 'RECTIFICATION_BAD_DEADLINE' | 'RECTIFICATION_REASON_REQUIRED';
export type RectificationRefusal = Refusal<RectificationRefusalCode>;

const refuseOrder = (code: RectificationRefusalCode, message: string): RectificationRefusal =>
  refuse({ code, measure: 13, basis: BASIS, message });

export const rectificationTransition = (
  status: RectificationStatus,
  event: RectificationEvent,
  reason?: string | null,
): Ok<{ to: RectificationStatus }> | RectificationRefusal => {
  if (!FROM[event].includes(status)) {
    return refuseOrder(
      'RECTIFICATION_TRANSITION_NOT_ALLOWED',
      `整改指令当前为“${RECTIFICATION_STATUS_NAMES[status]}”，不能执行此操作`,
    );
  }
  if (
    (event === 'fail' || event === 'close_without_rectification' || event === 'escalate') &&
    !reason?.trim()
  ) {
    return refuseOrder('RECTIFICATION_REASON_REQUIRED', '请写明理由');
  }
  return ok({ to: TO[event] });
};

// The deadline: a number of workdays from the day of issue (counted by the statutory calendar), or a date the
// officer sets. issue 11 item 12: a workday count crossing into a year whose holidays are not yet published is
// counted weekends only and marked pending (待国务院公布); it is recomputed when the year's table is entered.
export const rectificationDeadline = (
  issuedOn: IsoDate,
  deadline: { workdays: number } | { date: IsoDate },
  calendar: StatutoryCalendar = seededCalendar,
): Ok<{ deadline: IsoDate; workdays: number | null; pendingYears: number[] }> | RectificationRefusal => {
  if ('date' in deadline) {
    if (deadline.date <= issuedOn)
      return refuseOrder('RECTIFICATION_BAD_DEADLINE', '整改期限应晚于下达指令之日');
    return ok({ deadline: deadline.date, workdays: null, pendingYears: [] });
  }
  if (!Number.isInteger(deadline.workdays) || deadline.workdays < 1 || deadline.workdays > 250) {
    return refuseOrder('RECTIFICATION_BAD_DEADLINE', '整改期限应为 1 至 250 个工作日');
  }
  const counted = addWorkdays(issuedOn, deadline.workdays, calendar);
  if (!counted.ok) return refuseOrder('RECTIFICATION_BAD_DEADLINE', counted.message);
  return ok({ deadline: counted.value, workdays: deadline.workdays, pendingYears: counted.pendingYears });
};

// Orders past their deadline without a passed review: candidates for escalation (移交立案).
export const isOverdue = (
  order: { status: RectificationStatus; deadline: IsoDate },
  today: IsoDate,
): boolean => (order.status === 'issued' || order.status === 'failed') && today > order.deadline;

// The finding is closed when fixed on the spot, or its order is rectified, escalated (the case takes it over) or
// closed without rectification (recorded as such).
export const orderSettled = (status: RectificationStatus): boolean =>
  status === 'rectified' || status === 'escalated' || status === 'closed_without_rectification';
