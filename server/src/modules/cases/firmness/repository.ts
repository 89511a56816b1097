import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { caseClosureProposals, caseContinuousPenalties, penaltyCases } from '../schema.ts';

// measure 15: the continuous penalties and closure proposals of cases, and an enterprise's decided penalties.

export type ContinuousPenaltyRow = typeof caseContinuousPenalties.$inferSelect;
export type ClosureProposalRow = typeof caseClosureProposals.$inferSelect;

export const findContinuousPenaltyOfCase = async (db: Db | Tx, caseId: string, lock = false) => {
  const query = db.select().from(caseContinuousPenalties).where(eq(caseContinuousPenalties.caseId, caseId));
  return (lock ? await query.for('update') : await query)[0];
};

export const findContinuousPenaltyByFollowUp = async (db: Db | Tx, followUpCaseId: string) =>
  (
    await db
      .select()
      .from(caseContinuousPenalties)
      .where(eq(caseContinuousPenalties.followUpCaseId, followUpCaseId))
  )[0];

export const upsertContinuousPenalty = async (
  tx: Tx,
  values: typeof caseContinuousPenalties.$inferInsert,
) => {
  const { caseId: _caseId, id: _id, ...set } = values;
  const [row] = await tx
    .insert(caseContinuousPenalties)
    .values(values)
    .onConflictDoUpdate({ target: caseContinuousPenalties.caseId, set })
    .returning();
  return row!;
};

export const setFollowUpCase = (
  tx: Tx,
  id: string,
  set: { followUpCaseId: string; followUpOpenedByName: string; followUpOpenedAt: Date },
) => tx.update(caseContinuousPenalties).set(set).where(eq(caseContinuousPenalties.id, id));

export const findClosureProposalOfCase = async (db: Db | Tx, caseId: string) =>
  (await db.select().from(caseClosureProposals).where(eq(caseClosureProposals.caseId, caseId)))[0];

export const insertClosureProposal = async (tx: Tx, values: typeof caseClosureProposals.$inferInsert) => {
  const [row] = await tx.insert(caseClosureProposals).values(values).onConflictDoNothing().returning();
  return row;
};

// The enterprise's decided cases (any decision, the rule filters): what 第一百一十三条 counts.
export const decidedCasesOfEnterprise = (db: Db | Tx, enterpriseId: string) =>
  db
    .select({
      id: penaltyCases.id,
      reference: penaltyCases.reference,
      violationCode: penaltyCases.violationCode,
      decisionTier: penaltyCases.decisionTier,
      decidedOn: penaltyCases.decidedOn,
      majorHiddenDanger: penaltyCases.majorHiddenDanger,
    })
    .from(penaltyCases)
    .where(
      and(
        eq(penaltyCases.enterpriseId, enterpriseId),
        isNotNull(penaltyCases.decidedOn),
        ne(penaltyCases.decisionTier, 'no_penalty'),
      ),
    );

export const referencesOf = async (db: Db | Tx, ids: string[]) =>
  ids.length === 0
    ? []
    : db
        .select({ id: penaltyCases.id, reference: penaltyCases.reference })
        .from(penaltyCases)
        .where(inArray(penaltyCases.id, ids));
