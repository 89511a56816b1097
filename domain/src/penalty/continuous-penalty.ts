import { dayNumber } from '../calendar/iso-day.ts';
import { addDays } from '../calendar/iso-day.ts';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import type { DiscretionProposal } from './propose-discretion.ts';
import { firmnessCatalog, type FirmnessCatalog } from './firmness-catalog.ts';

// Issue 15 item 6 (measure 15): 安全生产法 第一百一十二条. An enterprise ordered to correct (责令改正) AND fined
// (且, not 或) that refuses to correct may be fined the original amount again for each day, counted "自作出责令
// 改正之日的次日起". The law sets the first day only: the last day is an input (the day a re-check established the
// refusal, or found the correction made), and the catalogue marks that rule unverified for the legal reviewer.

export const CONTINUOUS_PENALTY_LAW = (catalog: FirmnessCatalog = firmnessCatalog) =>
  `《中华人民共和国安全生产法》${catalog.continuousPenalty.provision}：“${catalog.continuousPenalty.text}”`;

export type ContinuousPenaltyRefusalCode =
  | 'CONTINUOUS_PENALTY_NO_ORDER'
  | 'CONTINUOUS_PENALTY_NO_FINE'
  | 'CONTINUOUS_PENALTY_NO_REFUSAL'
  | 'CONTINUOUS_PENALTY_NO_DAYS';

export type ContinuousPenaltyFacts = {
  // 原处罚数额: the fine decided in the original case (fen); null or 0 when none was imposed
  fineFen: number | null;
  // the day the order to correct (责令改正) was made
  orderedToCorrectOn: IsoDate | null;
  // a re-check recorded that the enterprise refused to correct
  refusedToCorrect: boolean;
  // the last day counted: the refusal established or the correction verified (rule unverified)
  countedUntil: IsoDate;
};

export type ContinuousPenalty = {
  fromOn: IsoDate;
  untilOn: IsoDate;
  days: number;
  perDayFen: number;
  amountFen: number;
  basis: string;
  countingEnd: { name: string; rule: string; source: string; verified: boolean };
};

export const continuousPenalty = (
  facts: ContinuousPenaltyFacts,
  catalog: FirmnessCatalog = firmnessCatalog,
): Ok<ContinuousPenalty> | Refusal<ContinuousPenaltyRefusalCode> => {
  const basis = CONTINUOUS_PENALTY_LAW(catalog);
  const refusal = (code: ContinuousPenaltyRefusalCode, message: string) =>
    refuse({ code, measure: 15, basis, message });
  if (!facts.orderedToCorrectOn)
    return refusal('CONTINUOUS_PENALTY_NO_ORDER', '按日连续处罚须以责令改正为前提：请记录作出责令改正的日期');
  if (facts.fineFen === null || facts.fineFen <= 0)
    return refusal(
      'CONTINUOUS_PENALTY_NO_FINE',
      '按日连续处罚须被责令改正且受到罚款处罚；原案没有罚款，不能按日连续处罚',
    );
  if (!facts.refusedToCorrect)
    return refusal('CONTINUOUS_PENALTY_NO_REFUSAL', '须经复查认定生产经营单位拒不改正');
  // counted from the day after the order: the order's own day never counts
  const days = dayNumber(facts.countedUntil) - dayNumber(facts.orderedToCorrectOn);
  if (days < 1)
    return refusal(
      'CONTINUOUS_PENALTY_NO_DAYS',
      '按日连续处罚自作出责令改正之日的次日起计算，复查认定拒不改正之日须在责令改正之日以后',
    );
  const end = catalog.continuousPenalty.countingEnd;
  return ok({
    fromOn: addDays(facts.orderedToCorrectOn, 1),
    untilOn: facts.countedUntil,
    days,
    perDayFen: facts.fineFen,
    amountFen: facts.fineFen * days,
    basis,
    countingEnd: { name: end.name, rule: end.rule, source: end.source, verified: end.verified },
  });
};

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

// The follow-up case's proposal: the engine's tier and reasons, with the amount 第一百一十二条 sets (the catalogue
// entry gives no range for it) and the unverified counting rule named for the reviewer.
export const withContinuousPenalty = (
  proposal: DiscretionProposal,
  computed: ContinuousPenalty,
): DiscretionProposal => ({
  ...proposal,
  fineProvided: true,
  amountFen: computed.amountFen,
  reasons: [
    ...proposal.reasons.filter((reason) => reason.code !== 'no_fixed_range'),
    {
      code: 'continuous_penalty',
      text: `按照原处罚数额 ${yuan(computed.perDayFen)} 元按日连续处罚，自 ${computed.fromOn} 起至 ${computed.untilOn} 止共 ${computed.days} 日，计 ${yuan(computed.amountFen)} 元`,
      basis: computed.basis,
    },
  ],
  unverified: computed.countingEnd.verified
    ? proposal.unverified
    : [...proposal.unverified, computed.countingEnd.name],
});
