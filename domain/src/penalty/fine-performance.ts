import { addDays, dayNumber } from '../calendar/iso-day.ts';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { addMonths } from './case-documents.ts';
import { caseProcedureCatalog, casePeriods } from './case-procedure.ts';
import type { CaseProcedureCatalog } from './case-procedure.ts';

// issue 15 item 3, after service: the performance (履行) of a fine. 行政处罚法 第六十六条、第六十七条第三款、
// 第七十二条 and 行政强制法 第五十三条、第五十四条; every number from catalog/case-procedure.json `finePerformance`.

export type FinePayment = { paidOn: IsoDate; amountFen: number };
export type Instalment = { dueOn: IsoDate; amountFen: number };
// an approved 暂缓 (one later day for the whole fine) or 分期 (a schedule summing to the fine)
export type FineArrangement =
  { kind: 'deferral'; deferredUntil: IsoDate } | { kind: 'instalment'; instalments: readonly Instalment[] };

export const ARRANGEMENT_KINDS = ['deferral', 'instalment'] as const;
export type ArrangementKind = (typeof ARRANGEMENT_KINDS)[number];
export const ARRANGEMENT_KIND_NAMES: Record<ArrangementKind, string> = {
  deferral: '暂缓缴纳',
  instalment: '分期缴纳',
};
export const ARRANGEMENT_STATUSES = ['applied', 'approved', 'refused'] as const;
export type ArrangementStatus = (typeof ARRANGEMENT_STATUSES)[number];
export const ARRANGEMENT_STATUS_NAMES: Record<ArrangementStatus, string> = {
  applied: '待批准',
  approved: '已批准',
  refused: '不予批准',
};

export type FinePerformanceInput = {
  fineFen: number;
  servedOn: IsoDate;
  payments: readonly FinePayment[];
  arrangement: FineArrangement | null;
  // the latest 催告 served (行政强制法 第五十四条 counts its ten days from it)
  reminderServedOn: IsoDate | null;
  courtAppliedOn: IsoDate | null;
  asOf: IsoDate;
};

export type FinePerformance = {
  fineFen: number;
  paidFen: number;
  outstandingFen: number;
  paidInFullOn: IsoDate | null;
  // 第六十七条第三款: 十五日 from receipt of the decision (the case's `payment_due` period)
  standardDueOn: IsoDate;
  // the day the next unpaid amount falls due (an instalment, the deferred day, or the standard day); null once paid
  dueOn: IsoDate | null;
  // when the last of the fine falls due under the arrangement in force
  finalDueOn: IsoDate;
  schedule: { dueOn: IsoDate; amountFen: number; coveredFen: number }[];
  overdue: boolean;
  // 第七十二条第一款第（一）项: days overdue up to asOf (or until paid in full) and the amount, never above the fine
  surchargeDays: number;
  surchargeFen: number;
  // what fell due before asOf (its approved day passed) and is still unpaid on asOf: what a 催告 demands
  overdueFen: number;
  // 行政强制法 第五十四条: the first day a court application may follow the reminder's service
  courtMayApplyFrom: IsoDate | null;
  // 行政强制法 第五十三条 (three months from 期限届满), moved by an approved arrangement (第七十二条第二款)
  courtWindow: { from: IsoDate; until: IsoDate; challengeEndsOn: IsoDate; challengeVerified: boolean };
};

type Rules = CaseProcedureCatalog['finePerformance'];

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

export const standardPaymentDue = (
  servedOn: IsoDate,
  catalog: CaseProcedureCatalog = caseProcedureCatalog,
): IsoDate => {
  const period = casePeriods({ served: servedOn }, { catalog }).find(
    (candidate) => candidate.code === catalog.finePerformance.paymentDuePeriod,
  );
  // the catalogue's schema guarantees the period; a calendar-day period always counts
  return period?.due ?? addDays(servedOn, 15);
};

// The amounts due by each day: the standard day, the deferred day, or the instalments.
const scheduleOf = (input: FinePerformanceInput, standardDueOn: IsoDate): Instalment[] => {
  const arrangement = input.arrangement;
  if (arrangement?.kind === 'deferral')
    return [{ dueOn: arrangement.deferredUntil, amountFen: input.fineFen }];
  if (arrangement?.kind === 'instalment' && arrangement.instalments.length > 0)
    return [...arrangement.instalments].sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1));
  return [{ dueOn: standardDueOn, amountFen: input.fineFen }];
};

// the fine's challenge periods (复议 60 days, 诉讼 6 months; both placeholders): the later end
const challengeEnd = (servedOn: IsoDate, rules: Rules) =>
  rules.challengePeriods.reduce<IsoDate>((end, period) => {
    const byDays = period.days !== undefined ? addDays(servedOn, period.days) : servedOn;
    const byMonths = period.months !== undefined ? addMonths(servedOn, period.months) : servedOn;
    return later(end, later(byDays, byMonths));
  }, servedOn);

export const finePerformance = (
  input: FinePerformanceInput,
  catalog: CaseProcedureCatalog = caseProcedureCatalog,
): FinePerformance => {
  const rules = catalog.finePerformance;
  const fineFen = Math.max(0, input.fineFen);
  const payments = input.payments
    .filter((payment) => payment.amountFen > 0 && payment.paidOn <= input.asOf)
    .sort((a, b) => (a.paidOn < b.paidOn ? -1 : 1));
  const paidFen = Math.min(fineFen, sum(payments.map((payment) => payment.amountFen)));
  const outstandingFen = fineFen - paidFen;
  let running = 0;
  let paidInFullOn: IsoDate | null = null;
  for (const payment of payments) {
    running += payment.amountFen;
    if (running >= fineFen) {
      paidInFullOn = payment.paidOn;
      break;
    }
  }
  const standardDueOn = standardPaymentDue(input.servedOn, catalog);
  const schedule = scheduleOf(input, standardDueOn);
  const finalDueOn = schedule[schedule.length - 1]!.dueOn;
  // payments cover the schedule in order
  let left = paidFen;
  const covered = schedule.map((instalment) => {
    const coveredFen = Math.min(instalment.amountFen, left);
    left -= coveredFen;
    return { ...instalment, coveredFen };
  });
  const dueOn =
    outstandingFen === 0
      ? null
      : (covered.find((instalment) => instalment.coveredFen < instalment.amountFen)?.dueOn ?? finalDueOn);

  // 第七十二条第一款第（一）项 on an approved arrangement (catalogue `surcharge.arrangementReading`, unverified): a day
  // adds the rate on each scheduled amount (the fine, the deferred fine, or an instalment) whose approved day has
  // passed and which the payments made by that day, taken in order, have not covered; an amount not yet due adds
  // nothing. Without an arrangement the one amount is the whole fine, as the law reads.
  const paidBy = (day: IsoDate) =>
    sum(payments.filter((payment) => payment.paidOn <= day).map((payment) => payment.amountFen));
  const overdueBaseOn = (day: IsoDate) => {
    let paid = paidBy(day);
    let base = 0;
    for (const instalment of schedule) {
      const covered = Math.min(instalment.amountFen, paid);
      paid -= covered;
      if (instalment.dueOn < day && covered < instalment.amountFen) base += instalment.amountFen;
    }
    return base;
  };
  const overdueAmountOn = (day: IsoDate) =>
    Math.max(
      0,
      sum(schedule.filter((instalment) => instalment.dueOn < day).map((instalment) => instalment.amountFen)) -
        paidBy(day),
    );
  const rate = rules.surcharge.ratePercentPerDay;
  const capHundredths = fineFen * 100;
  let surchargeDays = 0;
  let surchargeHundredths = 0;
  const first = schedule[0]!.dueOn;
  for (
    let day = dayNumber(first) + 1;
    day <= dayNumber(input.asOf) && rate > 0 && surchargeHundredths < capHundredths;
    day += 1
  ) {
    const iso = addDays(first, day - dayNumber(first));
    if (paidBy(iso) >= fineFen) break;
    const base = overdueBaseOn(iso);
    if (base === 0) continue;
    surchargeDays += 1;
    surchargeHundredths += base * rate;
  }
  const surchargeFen = Math.min(fineFen, Math.floor(surchargeHundredths / 100));
  const overdue = dueOn !== null && input.asOf > dueOn;

  const challengeEndsOn = challengeEnd(input.servedOn, rules);
  // 行政处罚法 第七十二条第二款: an approved arrangement moves the start to its end
  const from = input.arrangement ? later(challengeEndsOn, finalDueOn) : later(challengeEndsOn, standardDueOn);
  return {
    fineFen,
    paidFen,
    outstandingFen,
    paidInFullOn,
    standardDueOn,
    dueOn,
    finalDueOn,
    schedule: covered,
    overdue,
    surchargeDays,
    surchargeFen,
    overdueFen: overdueAmountOn(input.asOf),
    courtMayApplyFrom: input.reminderServedOn
      ? addDays(input.reminderServedOn, rules.reminder.waitDays + 1)
      : null,
    courtWindow: {
      from,
      until: addMonths(from, rules.courtApplication.months),
      challengeEndsOn,
      challengeVerified: rules.challengePeriods.every((period) => period.verified),
    },
  };
};

export type FinePerformanceRefusalCode =
  | 'FINE_PAID_IN_FULL'
  | 'FINE_PAYMENT_BEFORE_SERVICE'
  | 'FINE_PAYMENT_IN_FUTURE'
  | 'FINE_OVERPAID'
  | 'FINE_ARRANGEMENT_OPEN'
  | 'FINE_INSTALMENTS_NOT_FINE'
  | 'FINE_ARRANGEMENT_DATES'
  | 'FINE_DATE_IN_FUTURE'
  | 'FINE_ARRANGEMENT_APPROVER_IS_RECORDER'
  | 'FINE_NOT_OVERDUE'
  | 'FINE_REMINDER_RECORDED'
  | 'FINE_REMINDER_BEFORE_LATEST'
  | 'FINE_REMINDER_MISSING'
  | 'FINE_REMINDER_NOT_ELAPSED'
  | 'FINE_COURT_APPLICATION_RECORDED';

export const PAYMENT_LAW = '《中华人民共和国行政处罚法》第六十七条第三款';
export const ARRANGEMENT_LAW = caseProcedureCatalog.finePerformance.deferral.source;
export const REMINDER_LAW = caseProcedureCatalog.finePerformance.reminder.source;
export const COURT_APPLICATION_LAW = caseProcedureCatalog.finePerformance.courtApplication.source;
export const SURCHARGE_LAW = caseProcedureCatalog.finePerformance.surcharge.source;

const refusal = (code: FinePerformanceRefusalCode, message: string, basis: string, measure = 15) =>
  refuse({ code, measure, basis, message });

const fen = (amount: number) => `${(amount / 100).toFixed(2)} 元`;

// A payment (date, amount) at the bank or through the e-payment system: never before the decision was served, never
// in the future, never more than is outstanding (the 加处罚款 is not collected through this record).
export const mayRecordPayment = (
  performance: Pick<FinePerformance, 'outstandingFen'>,
  payment: FinePayment & { servedOn: IsoDate; today: IsoDate },
): Ok | Refusal<FinePerformanceRefusalCode> => {
  if (performance.outstandingFen === 0) return refusal('FINE_PAID_IN_FULL', '罚款已全额缴纳', PAYMENT_LAW);
  if (payment.paidOn < payment.servedOn)
    return refusal(
      'FINE_PAYMENT_BEFORE_SERVICE',
      `缴款日期早于行政处罚决定书送达之日（${payment.servedOn}）`,
      PAYMENT_LAW,
    );
  if (payment.paidOn > payment.today)
    return refusal('FINE_PAYMENT_IN_FUTURE', '缴款日期不能晚于今天', PAYMENT_LAW);
  if (payment.amountFen > performance.outstandingFen)
    return refusal(
      'FINE_OVERPAID',
      `缴款金额超过未缴罚款（${fen(performance.outstandingFen)}）`,
      PAYMENT_LAW,
    );
  return ok();
};

export type ArrangementApplication = {
  kind: ArrangementKind;
  appliedOn: IsoDate;
  deferredUntil?: IsoDate | undefined;
  instalments?: readonly Instalment[] | undefined;
};

// 第六十六条第二款: the party applies (recorded by an officer), one open or approved arrangement at a time; a deferral
// ends after the standard day, instalments are in date order, after the application, and sum to the fine.
export const mayApplyForArrangement = (
  performance: Pick<FinePerformance, 'outstandingFen' | 'fineFen' | 'standardDueOn'>,
  application: ArrangementApplication & {
    servedOn: IsoDate;
    today: IsoDate;
    openArrangement: boolean;
  },
): Ok | Refusal<FinePerformanceRefusalCode> => {
  const basis = ARRANGEMENT_LAW;
  if (performance.outstandingFen === 0) return refusal('FINE_PAID_IN_FULL', '罚款已全额缴纳', basis);
  if (application.openArrangement)
    return refusal('FINE_ARRANGEMENT_OPEN', '已有待批准或者已批准的暂缓、分期缴纳申请', basis);
  if (application.appliedOn < application.servedOn || application.appliedOn > application.today)
    return refusal('FINE_ARRANGEMENT_DATES', '申请日期应在行政处罚决定书送达之日与今天之间', basis);
  if (application.kind === 'deferral') {
    const until = application.deferredUntil;
    if (!until || until <= performance.standardDueOn)
      return refusal(
        'FINE_ARRANGEMENT_DATES',
        `暂缓缴纳的期限应晚于原缴纳期限（${performance.standardDueOn}）`,
        basis,
      );
    return ok();
  }
  const instalments = application.instalments ?? [];
  if (sum(instalments.map((instalment) => instalment.amountFen)) !== performance.fineFen)
    return refusal(
      'FINE_INSTALMENTS_NOT_FINE',
      `分期金额合计须等于罚款数额（${fen(performance.fineFen)}）`,
      basis,
    );
  const ordered = instalments.every(
    (instalment, index) =>
      instalment.amountFen > 0 &&
      instalment.dueOn >= application.appliedOn &&
      (index === 0 || instalment.dueOn > instalments[index - 1]!.dueOn),
  );
  if (instalments.length < 2 || !ordered)
    return refusal('FINE_ARRANGEMENT_DATES', '分期缴纳至少两期，各期日期按先后排列且不早于申请日期', basis);
  return ok();
};

// nobody approves what they recorded
export const mayDecideArrangement = (
  recordedBy: string,
  actor: string,
): Ok | Refusal<FinePerformanceRefusalCode> =>
  recordedBy === actor
    ? refusal(
        'FINE_ARRANGEMENT_APPROVER_IS_RECORDER',
        '记录暂缓、分期缴纳申请的人员不得批准该申请',
        ARRANGEMENT_LAW,
        17,
      )
    : ok();

// 行政强制法 第五十四条: the 催告 of a party whose fine is overdue on the day the reminder is served. A later 催告 only
// when the situation the latest one stated has changed (a payment, or another instalment falling due, changed the
// amount overdue), served after it; never once the court application is recorded. `performance` is as of the new
// reminder's service day.
export const mayRecordReminder = (
  performance: Pick<FinePerformance, 'outstandingFen' | 'dueOn' | 'overdueFen'>,
  reminder: {
    servedOn: IsoDate;
    today: IsoDate;
    // overdueFen null: a reminder recorded before the amounts were kept
    latest: { servedOn: IsoDate; overdueFen: number | null } | null;
    courtApplied: boolean;
    decisionServedOn: IsoDate;
  },
): Ok | Refusal<FinePerformanceRefusalCode> => {
  if (performance.outstandingFen === 0)
    return refusal('FINE_PAID_IN_FULL', '罚款已全额缴纳，无须催告', REMINDER_LAW);
  if (reminder.courtApplied)
    return refusal('FINE_COURT_APPLICATION_RECORDED', '已申请人民法院强制执行，无须再次催告', REMINDER_LAW);
  if (reminder.servedOn > reminder.today)
    return refusal('FINE_DATE_IN_FUTURE', '催告书送达日期不能晚于今天', REMINDER_LAW);
  if (!performance.dueOn || reminder.servedOn <= performance.dueOn || performance.overdueFen === 0)
    return refusal(
      'FINE_NOT_OVERDUE',
      `缴纳期限（${performance.dueOn ?? ''}）届满后当事人仍未缴纳的，方可催告`,
      '《中华人民共和国行政处罚法》第七十二条第一款；' + REMINDER_LAW,
    );
  const latest = reminder.latest;
  if (latest && reminder.servedOn <= latest.servedOn)
    return refusal(
      'FINE_REMINDER_BEFORE_LATEST',
      `再次催告的送达日期应晚于上一次催告书的送达日期（${latest.servedOn}）`,
      REMINDER_LAW,
    );
  if (latest && latest.overdueFen === performance.overdueFen)
    return refusal(
      'FINE_REMINDER_RECORDED',
      `上一次催告（${latest.servedOn}）后逾期未缴的金额（${fen(performance.overdueFen)}）没有变化，无须再次催告`,
      REMINDER_LAW,
    );
  return ok();
};

// 行政强制法 第五十三条、第五十四条: refused before the reminder's ten days have run; outside the three months it is
// warned about, never refused (the challenge periods that start them are placeholders).
export const mayApplyToCourt = (
  performance: Pick<FinePerformance, 'outstandingFen' | 'courtMayApplyFrom' | 'courtWindow'>,
  application: { appliedOn: IsoDate; today: IsoDate; recorded: boolean },
): Ok<{ warnings: string[] }> | Refusal<FinePerformanceRefusalCode> => {
  const basis = COURT_APPLICATION_LAW;
  if (performance.outstandingFen === 0)
    return refusal('FINE_PAID_IN_FULL', '罚款已全额缴纳，无须申请强制执行', basis);
  if (application.recorded)
    return refusal('FINE_COURT_APPLICATION_RECORDED', '已记录申请人民法院强制执行', basis);
  if (application.appliedOn > application.today)
    return refusal('FINE_DATE_IN_FUTURE', '申请日期不能晚于今天', basis);
  if (!performance.courtMayApplyFrom)
    return refusal('FINE_REMINDER_MISSING', '申请人民法院强制执行前，应当催告当事人履行义务', REMINDER_LAW);
  if (application.appliedOn < performance.courtMayApplyFrom)
    return refusal(
      'FINE_REMINDER_NOT_ELAPSED',
      `催告书送达十日后当事人仍未履行的，方可申请（${performance.courtMayApplyFrom} 起）`,
      REMINDER_LAW,
    );
  const warnings: string[] = [];
  const window = performance.courtWindow;
  if (application.appliedOn <= window.from)
    warnings.push(`申请日期早于申请行政复议、提起行政诉讼或者暂缓、分期缴纳的期限届满之日（${window.from}）`);
  if (application.appliedOn > window.until)
    warnings.push(`申请日期已超过自期限届满之日起三个月（${window.until}）`);
  return ok({ warnings });
};
