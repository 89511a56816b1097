import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { CLOSURE_LAW } from './closure-proposal.ts';
import { firmnessCatalog, type FirmnessCatalog } from './firmness-catalog.ts';

// Issue 15 item 6 (measure 15): 安全生产法 第一百一十三条第一款第（二）至（四）项. Unlike item (一), which the platform
// counts from its decided penalties, these rest on facts the platform mostly does not hold: the head records the
// proposal with the facts the item names, and the platform checks what its own records can show (a referenced
// 停产停业整顿 decision is a decided penalty of the same enterprise whose violation the law sanctions with
// 责令停产停业整顿) and the order of the days; the rest is the head's written word.

export const CLOSURE_FACT_ITEMS = [2, 3, 4] as const;
export type ClosureFactItem = (typeof CLOSURE_FACT_ITEMS)[number];

// 生产安全事故报告和调查处理条例 第三条: the four grades; item (三) names 重大 and 特别重大 only
export const ACCIDENT_GRADES = ['ordinary', 'larger', 'major', 'especially_major'] as const;
export type AccidentGrade = (typeof ACCIDENT_GRADES)[number];
export const ACCIDENT_GRADE_NAMES: Record<AccidentGrade, string> = {
  ordinary: '一般事故',
  larger: '较大事故',
  major: '重大事故',
  especially_major: '特别重大事故',
};
const CLOSURE_ACCIDENT_GRADES: readonly AccidentGrade[] = ['major', 'especially_major'];

// a 停产停业整顿 decision the platform holds: a case of the bureau's territory (the policy has checked that)
export type SuspensionCaseOnRecord = {
  caseId: string;
  reference: string;
  sameEnterprise: boolean;
  decidedOn: IsoDate | null;
  penalised: boolean;
  // the violation's penalty rows (catalogue) include 责令停产停业整顿 at some stage
  lawProvidesSuspension: boolean;
};

export type SuspensionDecision = {
  documentNumber: string;
  decidedOn: IsoDate;
  onRecord: SuspensionCaseOnRecord | null;
};

export type ClosureFacts =
  | { item: 2; suspension: SuspensionDecision; reinspectedOn: IsoDate; finding: string }
  | {
      item: 3;
      accidentOn: IsoDate;
      accidentGrade: AccidentGrade;
      accident: string;
      conditionsLacking: string;
    }
  | { item: 4; suspension: SuspensionDecision; refusalFoundOn: IsoDate; refusal: string };

export type ClosureOnFacts = {
  item: ClosureFactItem;
  provision: string;
  text: string;
  basis: string;
  // the day the facts were complete: the finding, the accident or the refusal
  factsCompleteOn: IsoDate;
  // the suspension decision, from the platform's records where it holds it
  suspension: {
    documentNumber: string;
    decidedOn: IsoDate;
    caseId: string | null;
    reference: string | null;
  } | null;
  summary: string;
};

export type ClosureFactsRefusalCode =
  | 'CLOSURE_SUSPENSION_OTHER_ENTERPRISE'
  | 'CLOSURE_SUSPENSION_NOT_DECIDED'
  | 'CLOSURE_NOT_A_SUSPENSION'
  | 'CLOSURE_FACTS_BEFORE_SUSPENSION'
  | 'CLOSURE_ACCIDENT_GRADE'
  | 'CLOSURE_DATE_BEFORE_FACTS';

const itemOf = (item: ClosureFactItem, catalog: FirmnessCatalog) =>
  catalog.closure.items.find((entry) => entry.item === item)!;

// The suspension decision as the proposal states it: a case on record gives its own decision day.
const checkSuspension = (
  suspension: SuspensionDecision,
  basis: string,
): Ok<{ decidedOn: IsoDate }> | Refusal<ClosureFactsRefusalCode> => {
  const record = suspension.onRecord;
  if (!record) return ok({ decidedOn: suspension.decidedOn });
  if (!record.sameEnterprise)
    return refuse({
      code: 'CLOSURE_SUSPENSION_OTHER_ENTERPRISE',
      measure: 15,
      basis,
      message: `案件 ${record.reference} 的当事人不是本企业`,
    });
  if (!record.decidedOn || !record.penalised)
    return refuse({
      code: 'CLOSURE_SUSPENSION_NOT_DECIDED',
      measure: 15,
      basis,
      message: `案件 ${record.reference} 尚未作出行政处罚决定`,
    });
  if (!record.lawProvidesSuspension)
    return refuse({
      code: 'CLOSURE_NOT_A_SUSPENSION',
      measure: 15,
      basis,
      message: `案件 ${record.reference} 的违法行为，法律未规定责令停产停业整顿，不是停产停业整顿决定`,
    });
  return ok({ decidedOn: record.decidedOn });
};

export const mayProposeClosureOnFacts = (
  facts: ClosureFacts,
  sentOn: IsoDate,
  catalog: FirmnessCatalog = firmnessCatalog,
): Ok<{ proposal: ClosureOnFacts }> | Refusal<ClosureFactsRefusalCode> => {
  const entry = itemOf(facts.item, catalog);
  const basis = `${CLOSURE_LAW(catalog)}；${entry.provision}：“${entry.text}”`;
  let factsCompleteOn: IsoDate;
  let suspension: ClosureOnFacts['suspension'] = null;
  let summary: string;
  if (facts.item === 3) {
    if (!CLOSURE_ACCIDENT_GRADES.includes(facts.accidentGrade))
      return refuse({
        code: 'CLOSURE_ACCIDENT_GRADE',
        measure: 15,
        basis,
        message: `第（三）项限于导致发生重大、特别重大生产安全事故；${ACCIDENT_GRADE_NAMES[facts.accidentGrade]}不适用`,
      });
    factsCompleteOn = facts.accidentOn;
    summary = `${facts.accidentOn} 发生${ACCIDENT_GRADE_NAMES[facts.accidentGrade]}：${facts.accident}；不具备的安全生产条件：${facts.conditionsLacking}`;
  } else {
    const checked = checkSuspension(facts.suspension, basis);
    if (!checked.ok) return checked;
    const decidedOn = checked.decidedOn;
    const after = facts.item === 2 ? facts.reinspectedOn : facts.refusalFoundOn;
    // (二) a finding after the suspension; (四) a refusal of it: neither before the decision
    if (facts.item === 2 ? after <= decidedOn : after < decidedOn)
      return refuse({
        code: 'CLOSURE_FACTS_BEFORE_SUSPENSION',
        measure: 15,
        basis,
        message:
          facts.item === 2
            ? `经停产停业整顿后的检查日期应晚于停产停业整顿决定之日（${decidedOn}）`
            : `认定拒不执行的日期不能早于停产停业整顿决定之日（${decidedOn}）`,
      });
    factsCompleteOn = after;
    suspension = {
      documentNumber: facts.suspension.documentNumber,
      decidedOn,
      caseId: facts.suspension.onRecord?.caseId ?? null,
      reference: facts.suspension.onRecord?.reference ?? null,
    };
    summary =
      facts.item === 2
        ? `停产停业整顿决定（${facts.suspension.documentNumber}，${decidedOn}）；${facts.reinspectedOn} 检查认定仍不具备安全生产条件：${facts.finding}`
        : `停产停业整顿决定（${facts.suspension.documentNumber}，${decidedOn}）；${facts.refusalFoundOn} 认定拒不执行：${facts.refusal}`;
  }
  if (sentOn < factsCompleteOn)
    return refuse({
      code: 'CLOSURE_DATE_BEFORE_FACTS',
      measure: 15,
      basis,
      message: `提请关闭的日期不能早于所述事实认定之日（${factsCompleteOn}）`,
    });
  return ok({
    proposal: {
      item: facts.item,
      provision: entry.provision,
      text: entry.text,
      basis,
      factsCompleteOn,
      suspension,
      summary,
    },
  });
};
