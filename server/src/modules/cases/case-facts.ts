import {
  casePeriods,
  hearingRight,
  needsCollectiveDiscussion,
  violationByCode,
  type Sanction,
} from '@inspecta/domain';
import { loadCalendar } from '../../platform/calendar/calendar.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
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

// The periods of 行政处罚法 the case has started, from its milestones, on the bureau's calendar.
export const periodsOf = async (db: Db | Tx, row: CaseRow) =>
  casePeriods(
    {
      opened: row.openedOn,
      ...(row.notifiedOn ? { notified: row.notifiedOn } : {}),
      ...(row.hearingOn ? { hearing: row.hearingOn } : {}),
      ...(row.decidedOn ? { decided: row.decidedOn } : {}),
      ...(row.servedOn ? { served: row.servedOn } : {}),
    },
    { calendar: await loadCalendar(db) },
  );
