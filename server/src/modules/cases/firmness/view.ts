import {
  addDays,
  CLOSURE_LAW,
  closureProposal,
  CONTINUOUS_PENALTY_LAW,
  firmnessCatalog,
  violationByCode,
  type ClosureProposal,
} from '@inspecta/domain';
import type { Db, Tx } from '../../../platform/db/client.ts';
import type { CaseRow } from '../repository.ts';
import type { TFirmness } from './model.ts';
import {
  closureOnFactsOfCase,
  decidedCasesOfEnterprise,
  findClosureProposalOfCase,
  findContinuousPenaltyByFollowUp,
  findContinuousPenaltyOfCase,
  referencesOf,
} from './repository.ts';

// Measure 15 as the case shows it: the daily continuous penalty a re-check may lead to (安全生产法 第一百一十二条)
// and the closure proposal the enterprise's penalties may call for (第一百一十三条).

const DECIDED = new Set(['decided', 'served', 'closed']);

// Why no refusal may be recorded on this case (null: it may).
export const continuousPenaltyBlock = (row: CaseRow): string | null => {
  if (row.source === 'continuous_penalty')
    return '本案即为按日连续处罚案件；继续拒不改正的，请在原案中记录复查结果';
  if (!DECIDED.has(row.status) || !row.decisionTier)
    return '案件作出行政处罚决定后，方可记录复查认定拒不改正';
  return null;
};

// 第一百一十三条第一款第（一）项 for the enterprise, as of this case's decision, when this case is one it counts.
export const closureOf = async (
  db: Db | Tx,
  row: CaseRow,
): Promise<{ proposal: ClosureProposal | null; decidedOn: Map<string, string> }> => {
  const none = { proposal: null, decidedOn: new Map<string, string>() };
  if (!row.enterpriseId || !row.decidedOn || !row.decisionTier || row.decisionTier === 'no_penalty')
    return none;
  const cases = await decidedCasesOfEnterprise(db, row.enterpriseId);
  const proposal = closureProposal({
    asOf: row.decidedOn,
    penalties: cases.map((c) => ({
      caseId: c.id,
      decidedOn: c.decidedOn!,
      underWorkSafetyLaw:
        c.violationCode !== null && violationByCode(c.violationCode)?.lawCode === 'work_safety_law',
      penalised: c.decisionTier !== null && c.decisionTier !== 'no_penalty',
      majorHiddenDanger: c.majorHiddenDanger,
    })),
  });
  if (!proposal?.caseIds.includes(row.id)) return none;
  return { proposal, decidedOn: new Map(cases.map((c) => [c.id, c.decidedOn ?? ''])) };
};

export const firmnessDetail = async (db: Db | Tx, row: CaseRow): Promise<{ firmness: TFirmness }> => {
  const record = await findContinuousPenaltyOfCase(db, row.id);
  const origin =
    row.source === 'continuous_penalty' ? await findContinuousPenaltyByFollowUp(db, row.id) : null;
  const { proposal: closure, decidedOn } = await closureOf(db, row);
  const sent = await findClosureProposalOfCase(db, row.id);
  const onFacts = await closureOnFactsOfCase(db, row.id);
  const factsOf = (facts: unknown) =>
    (facts ?? {}) as {
      summary?: string;
      suspension?: { caseId: string | null; reference: string | null } | null;
    };
  const references = new Map(
    (
      await referencesOf(db, [
        ...(record?.followUpCaseId ? [record.followUpCaseId] : []),
        ...(origin ? [origin.caseId] : []),
        ...(closure?.caseIds ?? []),
      ])
    ).map((r) => [r.id, r.reference]),
  );
  const end = firmnessCatalog.continuousPenalty.countingEnd;
  const block = continuousPenaltyBlock(row);
  return {
    firmness: {
      continuousPenalty: {
        basis: CONTINUOUS_PENALTY_LAW(),
        countingEnd: { name: end.name, rule: end.rule, source: end.source, verified: end.verified },
        eligible: block === null && !record?.followUpCaseId,
        ineligibleReason: block,
        orderDefault: row.decidedOn,
        record: record
          ? {
              orderedToCorrectOn: record.orderedToCorrectOn,
              orderNote: record.orderNote,
              refusalFoundOn: record.refusalFoundOn,
              evidenceNote: record.evidenceNote,
              fromOn: addDays(record.orderedToCorrectOn, 1),
              days: record.days,
              perDayFen: record.perDayFen,
              amountFen: record.amountFen,
              recordedByName: record.recordedByName,
              recordedAt: record.recordedAt.toISOString(),
              followUpCase: record.followUpCaseId
                ? { id: record.followUpCaseId, reference: references.get(record.followUpCaseId) ?? '' }
                : null,
            }
          : null,
      },
      originCase: origin
        ? {
            id: origin.caseId,
            reference: references.get(origin.caseId) ?? '',
            days: origin.days,
            perDayFen: origin.perDayFen,
            amountFen: origin.amountFen,
          }
        : null,
      closure: {
        basis: CLOSURE_LAW(),
        proposal: closure
          ? {
              item: closure.item,
              provision: closure.provision,
              text: closure.text,
              window: closure.window,
              cases: closure.caseIds.map((id) => ({
                id,
                reference: references.get(id) ?? '',
                decidedOn: decidedOn.get(id) ?? '',
              })),
              reading: closure.reading,
              source: closure.source,
              verified: closure.verified,
            }
          : null,
        sent: sent
          ? {
              sentOn: sent.sentOn,
              documentNote: sent.documentNote,
              recordedByName: sent.recordedByName,
              recordedAt: sent.recordedAt.toISOString(),
            }
          : null,
        items: firmnessCatalog.closure.items.map(({ item, provision, text }) => ({ item, provision, text })),
        onFacts: onFacts.map((recorded) => {
          const entry = firmnessCatalog.closure.items.find((candidate) => candidate.item === recorded.item);
          const suspension = factsOf(recorded.facts).suspension;
          return {
            item: recorded.item,
            provision: entry?.provision ?? '',
            text: entry?.text ?? '',
            summary: factsOf(recorded.facts).summary ?? '',
            suspensionCase:
              suspension?.caseId && suspension.reference
                ? { id: suspension.caseId, reference: suspension.reference }
                : null,
            sentOn: recorded.sentOn,
            documentNote: recorded.documentNote,
            recordedByName: recorded.recordedByName,
            recordedAt: recorded.recordedAt.toISOString(),
          };
        }),
      },
    },
  };
};
