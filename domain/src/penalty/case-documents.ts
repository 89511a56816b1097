import { addDays, dayNumber, isoDate, lastDayOfMonth, monthOf, yearOf } from '../calendar/iso-day.ts';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { CASE_STATUSES, type CaseStatus } from './case-lifecycle.ts';
import { caseProcedureCatalog, type CaseProcedureCatalog } from './case-procedure.ts';
import type { Tier } from './discretion-catalog.ts';
import type { SeizureStatus } from './seizure.ts';
import type { Sanction } from './violation-catalog.ts';

// Issue 15 item 11: the documents of a penalty case, each numbered (platform numbering, gapless) and frozen when
// issued. Which one may be issued depends on how far the case has gone: a document never says what has not
// happened (no 决定书 before the decision, no 解除 before the release).

export const CASE_DOCUMENT_TYPES = [
  'case_filing_approval',
  'inquiry_record',
  'penalty_notice',
  'hearing_notice',
  'defence_record',
  'penalty_decision',
  'credit_repair_notice',
  'fine_reminder',
  'seizure_decision',
  'seizure_extension_decision',
  'seizure_release_decision',
  'case_closing_approval',
] as const;
export type CaseDocumentType = (typeof CASE_DOCUMENT_TYPES)[number];

export const CASE_DOCUMENT_NAMES: Record<CaseDocumentType, string> = {
  case_filing_approval: '立案审批表',
  inquiry_record: '询问笔录',
  penalty_notice: '行政处罚告知书',
  hearing_notice: '听证告知书',
  defence_record: '陈述申辩笔录',
  penalty_decision: '行政处罚决定书',
  credit_repair_notice: '信用修复告知书',
  fine_reminder: '罚款催缴通知书',
  seizure_decision: '查封扣押决定书',
  seizure_extension_decision: '延长查封扣押期限决定书',
  seizure_release_decision: '解除查封扣押决定书',
  case_closing_approval: '结案审批表',
};

// What a document is about when a case has several: an inquiry record is of one 询问笔录 evidence entry, the
// seizure documents of one seizure. The rest are of the case.
export const CASE_DOCUMENT_SUBJECTS: Record<CaseDocumentType, 'evidence' | 'seizure' | null> = {
  case_filing_approval: null,
  inquiry_record: 'evidence',
  penalty_notice: null,
  hearing_notice: null,
  defence_record: null,
  penalty_decision: null,
  credit_repair_notice: null,
  fine_reminder: null,
  seizure_decision: 'seizure',
  seizure_extension_decision: 'seizure',
  seizure_release_decision: 'seizure',
  case_closing_approval: null,
};

// Records made each time something happens (a statement heard, a reminder sent); the others exist once per case
// or subject, and asking again gives the one already issued.
export const REPEATABLE_CASE_DOCUMENTS: readonly CaseDocumentType[] = ['defence_record', 'fine_reminder'];

export type CaseDocumentFacts = {
  status: CaseStatus;
  proposalTier: Tier | null;
  decisionTier: Tier | null;
  decisionAmountFen: number | null;
  hearingRight: boolean;
  notifiedOn: IsoDate | null;
  // 行政处罚法 第六十七条第三款: fifteen days from service (the case's payment_due period)
  paymentDue: IsoDate | null;
  today: IsoDate;
  evidence?: { kind: string } | undefined;
  seizure?: { status: SeizureStatus; extensionDays: number } | undefined;
};

export type CaseDocumentRefusalCode = 'CASE_DOCUMENT_NOT_DUE' | 'CASE_DOCUMENT_SUBJECT_REQUIRED';

const notDue = (message: string, basis: string) =>
  refuse<CaseDocumentRefusalCode>({ code: 'CASE_DOCUMENT_NOT_DUE', measure: 15, basis, message });

const reached = (status: CaseStatus, step: CaseStatus) =>
  CASE_STATUSES.indexOf(status) >= CASE_STATUSES.indexOf(step);

const PROCEDURE = '《中华人民共和国行政处罚法》第四十四条、第五十九条、第六十二条至第六十四条';
const COERCION = '《中华人民共和国行政强制法》第二十四条、第二十五条、第二十八条';

export const mayIssueCaseDocument = (
  type: CaseDocumentType,
  facts: CaseDocumentFacts,
): Ok | Refusal<CaseDocumentRefusalCode> => {
  const subject = CASE_DOCUMENT_SUBJECTS[type];
  if (
    (subject === 'evidence' && !facts.evidence) ||
    (subject === 'seizure' && !facts.seizure) ||
    (subject === null && (facts.evidence || facts.seizure))
  )
    return refuse({
      code: 'CASE_DOCUMENT_SUBJECT_REQUIRED',
      measure: 15,
      basis: PROCEDURE,
      message:
        subject === 'evidence'
          ? '询问笔录须选择一条“询问笔录”类证据'
          : subject === 'seizure'
            ? '请选择该文书所涉的查封、扣押'
            : '该文书属于整个案件，不选择证据或者查封、扣押',
    });
  const penaltyProposed = facts.proposalTier !== null && facts.proposalTier !== 'no_penalty';
  switch (type) {
    case 'case_filing_approval':
      return ok();
    case 'inquiry_record':
      return facts.evidence?.kind === 'inquiry_record'
        ? ok()
        : notDue('只有“询问笔录”类证据可以出具询问笔录', PROCEDURE);
    case 'penalty_notice':
    case 'hearing_notice':
      if (!reached(facts.status, 'review_approved') || !penaltyProposed)
        return notDue('法制审核通过、拟作出行政处罚后，方可出具告知书', PROCEDURE);
      // 告知 comes before the decision (行政处罚法 第四十四条); once decided, a new notice would say nothing true
      if (reached(facts.status, 'decided')) return notDue('已作出决定，不再出具告知书', PROCEDURE);
      if (type === 'hearing_notice' && !facts.hearingRight)
        return notDue('拟作出的处罚不属于应告知听证权利的情形', '《中华人民共和国行政处罚法》第六十三条');
      return ok();
    case 'defence_record':
      return facts.notifiedOn && reached(facts.status, 'notified')
        ? ok()
        : notDue('告知当事人后方可记录陈述、申辩', '《中华人民共和国行政处罚法》第四十四条、第四十五条');
    case 'penalty_decision':
      return reached(facts.status, 'decided') ? ok() : notDue('案件尚未作出决定', PROCEDURE);
    case 'credit_repair_notice':
      return reached(facts.status, 'decided') && facts.decisionTier !== 'no_penalty'
        ? ok()
        : notDue(
            '作出行政处罚决定后方可出具信用修复告知书；不予处罚的无须告知',
            '《江门市应急管理系统严格规范涉企行政检查若干措施》第二十二项（两书同达）',
          );
    case 'fine_reminder':
      if (facts.status !== 'served' || !facts.decisionAmountFen || !facts.paymentDue)
        return notDue('罚款决定送达后、结案前方可催缴', '《中华人民共和国行政强制法》第三十五条、第五十四条');
      return facts.today > facts.paymentDue
        ? ok()
        : notDue(
            `缴纳罚款的期限（${facts.paymentDue}）尚未届满`,
            '《中华人民共和国行政处罚法》第六十七条第三款',
          );
    case 'seizure_decision':
      return facts.seizure?.status === 'in_force' || facts.seizure?.status === 'released'
        ? ok()
        : notDue('查封、扣押经负责人批准后方可出具决定书', COERCION);
    case 'seizure_extension_decision':
      return (facts.seizure?.extensionDays ?? 0) > 0
        ? ok()
        : notDue('延长查封、扣押期限经批准后方可出具决定书', COERCION);
    case 'seizure_release_decision':
      return facts.seizure?.status === 'released' ? ok() : notDue('解除查封、扣押后方可出具决定书', COERCION);
    case 'case_closing_approval':
      return facts.status === 'closed' ? ok() : notDue('案件结案后方可出具结案审批表', PROCEDURE);
  }
};

// A month later on the same day, or the month's last day when it has none (1月31日 + 1个月 = 2月28日).
export const addMonths = (date: IsoDate, months: number): IsoDate => {
  const index = yearOf(date) * 12 + monthOf(date) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Number(date.slice(8, 10));
  const last = lastDayOfMonth(year, month);
  return Number(last.slice(8, 10)) < day ? last : isoDate(year, month, day);
};

export const CREDIT_CLASSES = ['minor', 'general', 'serious'] as const;
export type CreditClass = (typeof CREDIT_CLASSES)[number];

export type CreditRepairTerms = {
  creditClass: CreditClass;
  className: string;
  rule: string;
  repair: string;
  // the shortest publication ends on minUntil (inclusive), the longest on maxUntil; a minor one starts none
  publishedFrom: IsoDate;
  minUntil: IsoDate | null;
  maxUntil: IsoDate;
  platforms: string[];
  conditions: string[];
  materials: string[];
  channel: string;
  classification: string;
  source: string;
  verified: boolean;
};

// Measure 22: the publication class and periods the credit-repair notice states, from the catalogue's
// (placeholder) classification: the decision's sanctions and amount.
export const creditRepairTerms = (
  decision: { decidedOn: IsoDate; amountFen: number | null; sanctions: readonly Sanction[] },
  catalog: CaseProcedureCatalog = caseProcedureCatalog,
): CreditRepairTerms => {
  const rules = catalog.creditRepair;
  const others = decision.sanctions.filter((sanction) => sanction !== 'order_correction');
  const creditClass: CreditClass =
    others.includes('revoke') || others.includes('close')
      ? 'serious'
      : (decision.amountFen ?? 0) <= catalog.simplifiedProcedure.maxFineOrganisationFen && others.length === 0
        ? 'minor'
        : 'general';
  const entry = rules.classes.find((candidate) => candidate.class === creditClass)!;
  // a period of n months from the decision ends the day before the same day n months later
  const end = (months: number) => addDays(addMonths(decision.decidedOn, months), -1);
  return {
    creditClass,
    className: entry.name,
    rule: entry.rule,
    repair: entry.repair,
    publishedFrom: decision.decidedOn,
    minUntil: entry.minMonths > 0 ? end(entry.minMonths) : null,
    maxUntil: end(entry.maxMonths),
    platforms: rules.platforms,
    conditions: rules.conditions,
    materials: rules.materials,
    channel: rules.channel,
    classification: rules.classification,
    source: rules.source,
    verified: rules.verified,
  };
};

// 行政处罚法 第七十二条第一款第（一）项: 3% of the fine per day overdue, never more than the fine itself.
export const LATE_PAYMENT_LAW =
  '《中华人民共和国行政处罚法》第七十二条第一款第（一）项（“到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额”）';

export const latePaymentSurchargeFen = (
  fineFen: number,
  paymentDue: IsoDate,
  today: IsoDate,
): { days: number; surchargeFen: number } => {
  const days = Math.max(0, dayNumber(today) - dayNumber(paymentDue));
  return { days, surchargeFen: Math.min(fineFen, Math.floor((fineFen * 3 * days) / 100)) };
};
