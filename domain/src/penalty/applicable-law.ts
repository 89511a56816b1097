import type { IsoDate } from '../shared/iso-date.ts';
import { isBefore } from '../shared/iso-date.ts';
import { statutoryRange, violationCatalog } from './violation-catalog.ts';
import type { Party, PenaltyStage, Violation, ViolationCatalog } from './violation-catalog.ts';

export const ARTICLE_37_BASIS =
  '《中华人民共和国行政处罚法》第三十七条：实施行政处罚，适用违法行为发生时的法律、法规、规章的规定。但是，作出行政处罚决定时，法律、法规、规章已被修改或者废止，且新的规定处罚较轻或者不认为是违法的，适用新的规定。';

const inForceOn = (entry: Violation, date: IsoDate): boolean =>
  !isBefore(date, entry.effective) && (entry.until === undefined || isBefore(date, entry.until));

// Lighter: a lower statutory maximum for the entity at the first stage, else a lower minimum.
const isLighter = (candidate: Violation, than: Violation, party: Party, stage: PenaltyStage): boolean => {
  const a = statutoryRange(candidate, party, stage);
  const b = statutoryRange(than, party, stage);
  if (!a || !b) return false;
  return a.maxFen < b.maxFen || (a.maxFen === b.maxFen && a.minFen < b.minFen);
};

export type ApplicableViolation =
  | {
      found: true;
      violation: Violation;
      reason: 'in_force_when_committed' | 'new_rule_lighter';
      basis: string;
    }
  | { found: false; reason: 'not_in_force' | 'no_longer_unlawful'; basis: string };

// 行政处罚法 第三十七条: the version in force when the act was committed, unless the version in force on the
// decision day punishes more lightly (or no longer at all).
export const applicableViolation = (options: {
  lineage: string;
  committedOn: IsoDate;
  decidedOn: IsoDate;
  party?: Party;
  stage?: PenaltyStage;
  catalog?: ViolationCatalog;
}): ApplicableViolation => {
  const { lineage, committedOn, decidedOn, party = 'entity', stage = 'initial' } = options;
  const versions = (options.catalog ?? violationCatalog).entries.filter((entry) => entry.lineage === lineage);
  const then = versions.find((entry) => inForceOn(entry, committedOn));
  const now = versions.find((entry) => inForceOn(entry, decidedOn));
  if (!then) return { found: false, reason: 'not_in_force', basis: ARTICLE_37_BASIS };
  if (!now) return { found: false, reason: 'no_longer_unlawful', basis: ARTICLE_37_BASIS };
  if (now && now.code !== then.code && isLighter(now, then, party, stage))
    return { found: true, violation: now, reason: 'new_rule_lighter', basis: ARTICLE_37_BASIS };
  return { found: true, violation: then, reason: 'in_force_when_committed', basis: ARTICLE_37_BASIS };
};
