import {
  continuousPenalty,
  firmnessCatalog,
  withContinuousPenalty,
  type DiscretionProposal,
} from '@inspecta/domain';
import type { Tx } from '../../../platform/db/client.ts';
import type { CaseRow } from '../repository.ts';
import { findContinuousPenaltyByFollowUp } from './repository.ts';

// The follow-up case's proposal carries the amount 第一百一十二条 sets, recomputed from its re-check record.
export const continuousPenaltyProposal = async (
  tx: Tx,
  row: CaseRow,
  proposal: DiscretionProposal,
): Promise<DiscretionProposal> => {
  if (
    row.source !== 'continuous_penalty' ||
    row.violationCode !== firmnessCatalog.continuousPenalty.violationCode
  )
    return proposal;
  const record = await findContinuousPenaltyByFollowUp(tx, row.id);
  if (!record) return proposal;
  const computed = continuousPenalty({
    fineFen: record.perDayFen,
    orderedToCorrectOn: record.orderedToCorrectOn,
    refusedToCorrect: true,
    countedUntil: record.refusalFoundOn,
  });
  return computed.ok ? withContinuousPenalty(proposal, computed) : proposal;
};
