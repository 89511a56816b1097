import { z } from 'zod';
import { addDays, dayNumber } from '../calendar/iso-day.ts';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import { ZIsoDateSchema, type IsoDate } from '../shared/iso-date.ts';
import { caseProcedureCatalog, type CaseProcedureCatalog } from './case-procedure.ts';

// Issue 15 item 7, measure 16: 查封、扣押 in a penalty case. The law's own words, quoted where a rule rests on them.

export const SEIZURE_BASIS_LAW =
  '《中华人民共和国安全生产法》第六十五条第一款第（四）项：“对有根据认为不符合保障安全生产的国家标准或者行业标准的设施、设备、器材以及违法生产、储存、使用、经营、运输的危险物品予以查封或者扣押，对违法生产、储存、使用、经营危险物品的作业场所予以查封，并依法作出处理决定。”';
export const SEIZURE_SCOPE_LAW =
  '《中华人民共和国行政强制法》第二十三条第一款：“查封、扣押限于涉案的场所、设施或者财物，不得查封、扣押与违法行为无关的场所、设施或者财物；不得查封、扣押公民个人及其所扶养家属的生活必需品。”';
export const SEIZURE_APPROVAL_LAW =
  '《中华人民共和国行政强制法》第十八条第（一）项：“实施前须向行政机关负责人报告并经批准”';
export const SEIZURE_PERIOD_LAW =
  '《中华人民共和国行政强制法》第二十五条第一款：“查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准，可以延长，但是延长期限不得超过三十日。法律、行政法规另有规定的除外。”';
export const SEIZURE_RELEASE_LAW = '《中华人民共和国行政强制法》第二十八条';
export const SEIZURE_TESTING_LAW =
  '《中华人民共和国行政强制法》第二十五条第三款：“对物品需要进行检测、检验、检疫或者技术鉴定的，查封、扣押的期间不包括检测、检验、检疫或者技术鉴定的期间。检测、检验、检疫或者技术鉴定的期间应当明确，并书面告知当事人。检测、检验、检疫或者技术鉴定的费用由行政机关承担。”';

export const SEIZURE_KINDS = ['seal', 'detain'] as const;
export type SeizureKind = (typeof SEIZURE_KINDS)[number];
export const SEIZURE_KIND_NAMES: Record<SeizureKind, string> = { seal: '查封', detain: '扣押' };

// proposed (drafted, awaiting the head's approval) → in_force → released; or proposed → withdrawn (not approved)
export const SEIZURE_STATUSES = ['proposed', 'in_force', 'released', 'withdrawn'] as const;
export type SeizureStatus = (typeof SEIZURE_STATUSES)[number];
export const SEIZURE_STATUS_NAMES: Record<SeizureStatus, string> = {
  proposed: '待负责人批准',
  in_force: '查封扣押中',
  released: '已解除',
  withdrawn: '未获批准',
};

// 行政强制法 第二十八条第一款, item by item, in its words
export const RELEASE_GROUNDS = ['no_violation', 'unrelated', 'decided', 'expired', 'other'] as const;
export type ReleaseGround = (typeof RELEASE_GROUNDS)[number];
export const RELEASE_GROUND_NAMES: Record<ReleaseGround, string> = {
  no_violation: '（一）当事人没有违法行为',
  unrelated: '（二）查封、扣押的场所、设施或者财物与违法行为无关',
  decided: '（三）行政机关对违法行为已经作出处理决定，不再需要查封、扣押',
  expired: '（四）查封、扣押期限已经届满',
  other: '（五）其他不再需要采取查封、扣押措施的情形',
};

// One place, facility or thing: what it is, how much of it, and how it concerns the violation (第二十三条).
export const ZSeizureItemSchema = z.object({
  name: z.string().trim().min(1).max(200),
  quantity: z.number().positive().max(1_000_000_000),
  unit: z.string().trim().min(1).max(20),
  relation: z.string().trim().min(1).max(500),
});
export type SeizureItem = z.infer<typeof ZSeizureItemSchema>;

// 第二十五条第三款: the four kinds of examination whose period the seizure's period does not include
export const TESTING_KINDS = ['testing', 'inspection', 'quarantine', 'appraisal'] as const;
export type TestingKind = (typeof TESTING_KINDS)[number];
export const TESTING_KIND_NAMES: Record<TestingKind, string> = {
  testing: '检测',
  inspection: '检验',
  quarantine: '检疫',
  appraisal: '技术鉴定',
};

// One examination of the seized things: its period stated (“应当明确”) from its first to its last day, both
// counted, and the day the party was told in writing (“并书面告知当事人”).
export const ZTestingPeriodSchema = z.object({
  kind: z.enum(TESTING_KINDS),
  startsOn: ZIsoDateSchema,
  endsOn: ZIsoDateSchema,
  notifiedOn: ZIsoDateSchema,
  note: z.string().trim().max(500),
});
export type TestingPeriod = z.infer<typeof ZTestingPeriodSchema>;

// The days the seizure's period does not include: each examination's days, first and last counted, from the
// day after the seizure (the seizure's own day is not in its period either).
export const testingDays = (
  startedOn: IsoDate,
  periods: readonly Pick<TestingPeriod, 'startsOn' | 'endsOn'>[],
): number =>
  periods.reduce((sum, p) => {
    const first = Math.max(dayNumber(p.startsOn), dayNumber(startedOn) + 1);
    return sum + Math.max(0, dayNumber(p.endsOn) - first + 1);
  }, 0);

type SeizureRefusalCode =
  | 'SEIZURE_NO_VIOLATION'
  | 'SEIZURE_SELF_APPROVAL'
  | 'SEIZURE_NOT_IN_FORCE'
  | 'SEIZURE_ALREADY_EXTENDED'
  | 'SEIZURE_EXTENSION_TOO_LONG'
  | 'SEIZURE_EXPIRED'
  | 'SEIZURE_NO_EXTENSION_REQUESTED'
  | 'SEIZURE_TESTING_PERIOD_INVALID';

const refusal = (code: SeizureRefusalCode, message: string, basis: string): Refusal<SeizureRefusalCode> =>
  refuse({ code, measure: 16, basis, message });

// A seizure concerns the case's violation: none before the violation is recorded.
export const mayProposeSeizure = (violationCode: string | null): Ok | Refusal<SeizureRefusalCode> =>
  violationCode
    ? ok()
    : refusal(
        'SEIZURE_NO_VIOLATION',
        '尚未认定违法行为，不能查封、扣押：查封、扣押限于涉案的场所、设施或者财物',
        SEIZURE_SCOPE_LAW,
      );

// The head approves (第十八条); whoever drafted or asked for it cannot.
export const mayApproveSeizure = (draftedBy: string, approver: string): Ok | Refusal<SeizureRefusalCode> =>
  draftedBy === approver
    ? refusal('SEIZURE_SELF_APPROVAL', '不能批准本人提出的查封、扣押或者延长', SEIZURE_APPROVAL_LAW)
    : ok();

export type SeizurePeriod = {
  startedOn: IsoDate;
  // the last day of the 30 (and of the extension, once approved, and of the examination days not included)
  dueOn: IsoDate;
  limitDays: number;
  extensionDays: number;
  testingDays: number;
  source: string;
  verified: boolean;
};

// The period runs from the day after the seizure (the start day is not counted) for the catalogue's 30 days,
// plus an approved extension, plus the days of examination the period does not include (第二十五条第三款).
export const seizurePeriod = (
  startedOn: IsoDate,
  extensionDays: number,
  testing: readonly Pick<TestingPeriod, 'startsOn' | 'endsOn'>[] = [],
  catalog: CaseProcedureCatalog = caseProcedureCatalog,
): SeizurePeriod => {
  const rule = catalog.seizure;
  const excluded = testingDays(startedOn, testing);
  return {
    startedOn,
    dueOn: addDays(startedOn, rule.limitDays + extensionDays + excluded),
    limitDays: rule.limitDays,
    extensionDays,
    testingDays: excluded,
    source: rule.source,
    verified: rule.verified,
  };
};

const notInForce = () => refusal('SEIZURE_NOT_IN_FORCE', '查封、扣押不在实施中', SEIZURE_PERIOD_LAW);

// past the last day no extension is lawful, only release (第二十八条第一款第（四）项)
const expired = (dueOn: IsoDate) =>
  refusal(
    'SEIZURE_EXPIRED',
    `查封、扣押期限已于 ${dueOn} 届满，不能再延长，应当作出解除决定`,
    `${SEIZURE_RELEASE_LAW}第一款第（四）项`,
  );

// The one extension: asked for while the seizure is in force and its period has not run out, of 1 to the
// catalogue's maximum days, never twice.
export const mayRequestExtension = (
  seizure: {
    status: SeizureStatus;
    dueOn: IsoDate | null;
    extensionDays: number;
    extensionRequested: boolean;
  },
  days: number,
  today: IsoDate,
  catalog: CaseProcedureCatalog = caseProcedureCatalog,
): Ok | Refusal<SeizureRefusalCode> => {
  const rule = catalog.seizure;
  if (seizure.status !== 'in_force' || !seizure.dueOn) return notInForce();
  if (seizure.extensionDays > 0 || seizure.extensionRequested)
    return refusal('SEIZURE_ALREADY_EXTENDED', '查封、扣押期限只能延长一次', SEIZURE_PERIOD_LAW);
  if (days > rule.extensionMaxDays)
    return refusal(
      'SEIZURE_EXTENSION_TOO_LONG',
      `延长期限不得超过${rule.extensionMaxDays}日`,
      SEIZURE_PERIOD_LAW,
    );
  if (today > seizure.dueOn) return expired(seizure.dueOn);
  return ok();
};

// The head approves the extension before the period has run out; after that only release is lawful.
export const mayApproveExtension = (
  seizure: { status: SeizureStatus; dueOn: IsoDate | null; extensionRequestedBy: string | null },
  approver: string,
  today: IsoDate,
): Ok | Refusal<SeizureRefusalCode> => {
  if (seizure.status !== 'in_force' || !seizure.dueOn) return notInForce();
  if (!seizure.extensionRequestedBy)
    return refusal('SEIZURE_NO_EXTENSION_REQUESTED', '没有待批准的延长申请', SEIZURE_PERIOD_LAW);
  const self = mayApproveSeizure(seizure.extensionRequestedBy, approver);
  if (!self.ok) return self;
  if (today > seizure.dueOn) return expired(seizure.dueOn);
  return ok();
};

// An examination recorded on a seizure in force: its period stated and within the seizure (it begins on or after
// the seizure's day and no later than its last day; a seizure whose period has run out must be released, not kept
// by an examination recorded afterwards), not overlapping another, and the party told in writing (the day is
// recorded; the law sets no day for it, so none is required beyond today).
export const mayRecordTestingPeriod = (
  seizure: {
    status: SeizureStatus;
    startedOn: IsoDate | null;
    dueOn: IsoDate | null;
    testing: readonly TestingPeriod[];
  },
  period: TestingPeriod,
  today: IsoDate,
): Ok | Refusal<SeizureRefusalCode> => {
  if (seizure.status !== 'in_force' || !seizure.startedOn || !seizure.dueOn) return notInForce();
  if (today > seizure.dueOn) return expired(seizure.dueOn);
  const invalid = (message: string) =>
    refusal('SEIZURE_TESTING_PERIOD_INVALID', message, SEIZURE_TESTING_LAW);
  if (period.endsOn < period.startsOn) return invalid('检测、检验期间的结束日不能早于开始日');
  if (period.startsOn < seizure.startedOn)
    return invalid(`检测、检验期间不能早于查封、扣押之日（${seizure.startedOn}）开始`);
  if (period.startsOn > seizure.dueOn)
    return invalid(`检测、检验期间应当在查封、扣押期限届满（${seizure.dueOn}）之前开始`);
  const overlapping = seizure.testing.find((p) => p.startsOn <= period.endsOn && period.startsOn <= p.endsOn);
  if (overlapping)
    return invalid(`与已登记的检测、检验期间（${overlapping.startsOn} 至 ${overlapping.endsOn}）重叠`);
  if (period.notifiedOn > today) return invalid('书面告知当事人的日期不能晚于今天');
  if (period.notifiedOn < seizure.startedOn) return invalid('书面告知的日期不能早于查封、扣押之日');
  return ok();
};

export type SeizureWarning = 'due_soon' | 'overdue' | null;

// Shown on the case and the workbench: within the catalogue's reminder days of the last day, the release (or
// the extension) is due; past it, the seizure is overdue and must be released.
export const seizureWarning = (
  seizure: { status: SeizureStatus; dueOn: IsoDate | null },
  today: IsoDate,
  catalog: CaseProcedureCatalog = caseProcedureCatalog,
): SeizureWarning => {
  if (seizure.status !== 'in_force' || !seizure.dueOn) return null;
  if (today > seizure.dueOn) return 'overdue';
  if (today >= addDays(seizure.dueOn, -catalog.seizure.remindDaysBefore)) return 'due_soon';
  return null;
};

// A seizure proposed or in force keeps its case open (第二十七条: a decision on the seized things is due).
export const OPEN_SEIZURE_STATUSES = ['proposed', 'in_force'] as const satisfies readonly SeizureStatus[];
