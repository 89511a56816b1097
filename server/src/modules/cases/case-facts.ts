import { hearingRight, needsCollectiveDiscussion, violationByCode, type Sanction } from '@inspecta/domain';
import type { CaseRow } from './repository.ts';

// The sanctions the law sets for the case's violation at the first stage (every party), from the catalogue.
export const sanctionsOf = (row: CaseRow): Sanction[] => {
  const violation = row.violationCode ? violationByCode(row.violationCode) : undefined;
  return (
    violation?.penalties
      .filter((penalty) => penalty.stage === 'initial')
      .flatMap((penalty) => penalty.sanctions) ?? []
  );
};

// What the procedure owes the party and the bureau for this case: the right to a hearing, and whether the heads
// decide it together (both from the catalogue's thresholds).
export const procedureFacts = (row: CaseRow) => {
  const amount = row.decisionAmountFen ?? row.proposalAmountFen ?? 0;
  const sanctions = sanctionsOf(row).filter((sanction) => sanction !== 'order_correction');
  return {
    hearingRight: hearingRight({ partyKind: 'organisation', fineFen: amount, sanctions }),
    needsCollectiveDiscussion: needsCollectiveDiscussion({
      tier: row.proposalTier ?? 'ordinary',
      fineFen: amount,
      sanctions,
      majorHiddenDanger: row.majorHiddenDanger,
    }),
  };
};
