import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { addDays } from '../calendar/iso-day.ts';

// Issue 15 item 10 (measure 22): a penalty decision is published once served, with no personal data; the
// enterprise applies in its portal to end the publication (信用修复) once the shortest period has run (a minor one
// at once) and the decision has been carried out, with a public credit pledge; the bureau that decided it
// decides the application (谁认定、谁修复). Repair ends the publication (令第36号 第三条: 终止公示); the longest
// period ends it by itself.

export const PUBLICATION_STATES = ['published', 'repaired', 'expired', 'withdrawn'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];
export const PUBLICATION_STATE_NAMES: Record<PublicationState, string> = {
  published: '公示中',
  repaired: '已信用修复，终止公示',
  expired: '公示期满，停止公示',
  withdrawn: '决定被变更、撤销或者确认违法、无效，已撤回',
};

export const publicationState = (
  publication: { repairedOn: IsoDate | null; maxUntil: IsoDate; withdrawnOn?: IsoDate | null },
  today: IsoDate,
): PublicationState =>
  publication.withdrawnOn
    ? 'withdrawn'
    : publication.repairedOn
      ? 'repaired'
      : today > publication.maxUntil
        ? 'expired'
        : 'published';

// 行政处罚法 第四十八条第二款: a published decision varied, revoked, held unlawful or void is withdrawn within three
// days, with the reason made public; 第八十五条 counts 三日 in workdays (the Guangdong 公示办法 第二十四条 says 3
// working days too).
export const WITHDRAWAL_LAW =
  '《中华人民共和国行政处罚法》第四十八条第二款：“公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，行政机关应当在三日内撤回行政处罚决定信息并公开说明理由。”';
export const WITHDRAWAL_WORKDAYS = 3;
export const WITHDRAWAL_GROUNDS = ['varied', 'revoked', 'unlawful', 'void'] as const;
export type WithdrawalGround = (typeof WITHDRAWAL_GROUNDS)[number];
export const WITHDRAWAL_GROUND_NAMES: Record<WithdrawalGround, string> = {
  varied: '行政处罚决定被依法变更',
  revoked: '行政处罚决定被依法撤销',
  unlawful: '行政处罚决定被确认违法',
  void: '行政处罚决定被确认无效',
};

export const mayWithdrawPublication = (facts: {
  withdrawnOn: IsoDate | null;
  groundOn: IsoDate;
  publishedOn: IsoDate;
  today: IsoDate;
}): Ok | Refusal<'PUBLICATION_WITHDRAWN' | 'PUBLICATION_GROUND_DATE'> => {
  if (facts.withdrawnOn)
    return refuse({
      code: 'PUBLICATION_WITHDRAWN',
      measure: 29,
      basis: WITHDRAWAL_LAW,
      message: '该公示信息已撤回',
    });
  if (facts.groundOn > facts.today || facts.groundOn < facts.publishedOn)
    return refuse({
      code: 'PUBLICATION_GROUND_DATE',
      measure: 29,
      basis: WITHDRAWAL_LAW,
      message: '变更、撤销或者确认的日期须在公示之后、今天或者之前',
    });
  return ok();
};

export const REPAIR_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];
export const REPAIR_STATUS_NAMES: Record<RepairStatus, string> = {
  pending: '待审核',
  approved: '已准予修复',
  rejected: '不予修复',
};

export type RepairRefusalCode =
  | 'CREDIT_REPAIR_NOT_PUBLISHED'
  | 'CREDIT_REPAIR_TOO_EARLY'
  | 'CREDIT_REPAIR_DUTIES_OPEN'
  | 'CREDIT_REPAIR_PENDING';

const BASIS =
  '《信用修复管理办法》（国家发展改革委令第36号）：最短公示期届满、已纠正失信行为并履行法定义务、作出信用承诺（待法制审核）';

const refusal = (code: RepairRefusalCode, message: string) =>
  refuse<RepairRefusalCode>({ code, measure: 22, basis: BASIS, message });

// The earliest day an application is accepted: the day after the shortest period, or at once for a minor one.
export const repairOpensOn = (publication: { minUntil: IsoDate | null; publishedOn: IsoDate }): IsoDate =>
  publication.minUntil ? addDays(publication.minUntil, 1) : publication.publishedOn;

export const mayApplyForRepair = (facts: {
  state: PublicationState;
  minUntil: IsoDate | null;
  today: IsoDate;
  // the case closed: the decision carried out (罚款缴清 recorded at 结案)
  dutiesMet: boolean;
  pendingApplication: boolean;
}): Ok | Refusal<RepairRefusalCode> => {
  if (facts.state !== 'published')
    return refusal('CREDIT_REPAIR_NOT_PUBLISHED', '该行政处罚信息已不在公示中');
  if (facts.pendingApplication) return refusal('CREDIT_REPAIR_PENDING', '已有一份信用修复申请正在审核');
  if (facts.minUntil && facts.today <= facts.minUntil)
    return refusal('CREDIT_REPAIR_TOO_EARLY', `最短公示期至 ${facts.minUntil} 届满，届满后方可申请信用修复`);
  if (!facts.dutiesMet)
    return refusal('CREDIT_REPAIR_DUTIES_OPEN', '行政处罚决定尚未履行完毕（案件未结案），暂不能申请信用修复');
  return ok();
};
