import { addDays } from '../calendar/iso-day.ts';
import {
  isStatutoryWorkdayIn,
  seededCalendar,
  type StatutoryCalendar,
} from '../calendar/statutory-calendar.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { ok, refuse, type Ok, type Refusal } from '../shared/result.ts';
import { reportsCatalog, type ReportsCatalog } from './reports-catalog.ts';

// Measure 27, 安全生产法 第七十三条: a report is accepted (受理) or not, verified within 60 days of acceptance
// (extended by at most 30 with approval), and the reporter answered within 10 days after; a duplicate of a
// matter already reported is merged into the first valid report.
export const REPORT_STATES = [
  'received',
  'not_accepted',
  'accepted',
  'verified',
  'answered',
  'merged',
] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export const REPORT_STATE_NAMES: Record<ReportState, string> = {
  received: '待受理',
  not_accepted: '不予受理',
  accepted: '核查中',
  verified: '已核查，待反馈',
  answered: '已办结',
  merged: '已并案',
};
export const REPORT_STEPS = ['accept', 'decline', 'verify', 'answer', 'merge'] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];
export const REPORT_OUTCOMES = ['substantiated', 'partly_substantiated', 'unsubstantiated'] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];
export const REPORT_OUTCOME_NAMES: Record<ReportOutcome, string> = {
  substantiated: '属实',
  partly_substantiated: '部分属实',
  unsubstantiated: '不属实',
};
export const REPORT_KINDS = [
  'major_hidden_danger',
  'illegal_production',
  'concealed_accident',
  'hidden_danger',
  'other',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_NAMES: Record<ReportKind, string> = {
  major_hidden_danger: '重大事故隐患',
  illegal_production: '非法违法生产经营建设行为',
  concealed_accident: '瞒报、谎报事故',
  hidden_danger: '一般事故隐患',
  other: '其他安全生产问题',
};

const FROM: Record<ReportStep, readonly ReportState[]> = {
  accept: ['received'],
  decline: ['received'],
  verify: ['accepted'],
  answer: ['verified'],
  merge: ['received', 'accepted'],
};
const TO: Record<ReportStep, ReportState> = {
  accept: 'accepted',
  decline: 'not_accepted',
  verify: 'verified',
  answer: 'answered',
  merge: 'merged',
};

export type ReportRefusal = Refusal<
  | 'REPORT_STEP_NOT_ALLOWED'
  | 'REPORT_EMPLOYEE_NEEDS_NAME'
  | 'REPORT_EXTENSION_TOO_LONG'
  | 'REPORT_EXTENSION_EXISTS'
  | 'REPORT_EXTENSION_OWN_REQUEST'
>;

const BASIS_73 =
  '《中华人民共和国安全生产法》第七十三条；《安全生产领域举报奖励办法》（安监总财〔2018〕19号）';

export const moveReport = (
  state: ReportState,
  step: ReportStep,
): Ok<{ next: ReportState }> | ReportRefusal =>
  FROM[step].includes(state)
    ? ok({ next: TO[step] })
    : refuse({
        code: 'REPORT_STEP_NOT_ALLOWED',
        measure: 27,
        basis: BASIS_73,
        message: `举报当前为“${REPORT_STATE_NAMES[state]}”，不能执行此操作`,
      });

// 应急〔2020〕69号: an employee reporting on the own employer gives a real name and a valid contact.
export const checkReporter = (input: {
  anonymous: boolean;
  employeeOfEnterprise: boolean;
  name?: string | null;
  phone?: string | null;
}): Ok | ReportRefusal =>
  input.employeeOfEnterprise && (input.anonymous || !input.name?.trim() || !input.phone?.trim())
    ? refuse({
        code: 'REPORT_EMPLOYEE_NEEDS_NAME',
        measure: 27,
        basis: '《生产经营单位从业人员安全生产举报处理规定》（应急〔2020〕69号）',
        message: '举报本单位的从业人员须实名举报，并填写真实姓名和有效联系方式',
      })
    : ok();

// A period counted in calendar days; a last day that is not a workday on the bureau's calendar moves to the
// next workday (catalogue entry report_deadline_holiday_rule, unverified).
export const periodEnd = (
  from: IsoDate,
  days: number,
  calendar: StatutoryCalendar = seededCalendar,
): IsoDate => {
  let end = addDays(from, days);
  for (let guard = 0; guard < 30 && !isStatutoryWorkdayIn(calendar, end); guard += 1) end = addDays(end, 1);
  return end;
};

export type ReportDeadlines = {
  verifyBy: IsoDate | null;
  answerBy: IsoDate | null;
};

export const reportDeadlines = (
  report: { acceptedOn: IsoDate | null; extensionDays: number; verifiedOn: IsoDate | null },
  calendar: StatutoryCalendar = seededCalendar,
  catalog: ReportsCatalog = reportsCatalog,
): ReportDeadlines => {
  if (!report.acceptedOn) return { verifyBy: null, answerBy: null };
  const verifyBy = periodEnd(
    report.acceptedOn,
    catalog.deadlines.verify.days + report.extensionDays,
    calendar,
  );
  const answerBy = report.verifiedOn
    ? periodEnd(report.verifiedOn, catalog.deadlines.answer.days, calendar)
    : null;
  return { verifyBy, answerBy };
};

// What is overdue on `today`: verification past its (extended) end, the answer past its ten days.
export const reportOverdue = (
  state: ReportState,
  deadlines: ReportDeadlines,
  today: IsoDate,
): 'verify' | 'answer' | null => {
  if (state === 'accepted' && deadlines.verifyBy && today > deadlines.verifyBy) return 'verify';
  if (state === 'verified' && deadlines.answerBy && today > deadlines.answerBy) return 'answer';
  return null;
};

const EXTENSION_BASIS = '《安全生产领域举报奖励办法》（安监总财〔2018〕19号）';

// The extension: at most 30 days, once, approved by the head, never by the one who asked for it.
export const checkExtension = (
  input: { days: number; alreadyExtended: boolean },
  catalog: ReportsCatalog = reportsCatalog,
): Ok | ReportRefusal => {
  const max = catalog.deadlines.extension.days;
  if (input.alreadyExtended)
    return refuse({
      code: 'REPORT_EXTENSION_EXISTS',
      measure: 27,
      basis: EXTENSION_BASIS,
      message: '核查期限已延长过一次，不能再次延长',
    });
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > max)
    return refuse({
      code: 'REPORT_EXTENSION_TOO_LONG',
      measure: 27,
      basis: EXTENSION_BASIS,
      message: `核查期限延长不得超过 ${max} 日`,
    });
  return ok();
};

export const collectPeriod = (
  noticeOn: IsoDate,
  calendar: StatutoryCalendar = seededCalendar,
  catalog: ReportsCatalog = reportsCatalog,
): { collectBy: IsoDate } => ({
  collectBy: periodEnd(noticeOn, catalog.deadlines.collectPeriod.days, calendar),
});

export const noticeDue = (
  verifiedOn: IsoDate,
  calendar: StatutoryCalendar = seededCalendar,
  catalog: ReportsCatalog = reportsCatalog,
): IsoDate => periodEnd(verifiedOn, catalog.deadlines.collectNotice.days, calendar);

// 安委〔2024〕7号: an enterprise of a key industry without an internal reporting-reward mechanism after the
// deadline is flagged (for the grading and more inspections).
export const lacksInternalReporting = (
  enterprise: { industry: string; hasMechanism: boolean },
  today: IsoDate,
  catalog: ReportsCatalog = reportsCatalog,
): boolean =>
  !enterprise.hasMechanism &&
  catalog.internalReporting.industryCodes.includes(enterprise.industry) &&
  today > catalog.internalReporting.keyIndustriesDeadline;
