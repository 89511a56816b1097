import { and, desc, eq, gt, inArray, isNotNull, ne, type SQL } from 'drizzle-orm';
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

export const findClosureProposalOfCase = async (db: Db | Tx, caseId: string, item = 1) =>
  (
    await db
      .select()
      .from(caseClosureProposals)
      .where(and(eq(caseClosureProposals.caseId, caseId), eq(caseClosureProposals.item, item)))
  )[0];

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

// The territory's decided penalties for a major hidden danger (the only ones 第一百一十三条第一款第（一）项 counts).
export const majorDangerPenalties = (db: Db | Tx, scope: SQL | undefined) =>
  db
    .select({
      id: penaltyCases.id,
      reference: penaltyCases.reference,
      enterpriseId: penaltyCases.enterpriseId,
      enterpriseName: penaltyCases.enterpriseName,
      violationCode: penaltyCases.violationCode,
      decidedOn: penaltyCases.decidedOn,
    })
    .from(penaltyCases)
    .where(
      and(
        scope,
        isNotNull(penaltyCases.enterpriseId),
        isNotNull(penaltyCases.decidedOn),
        ne(penaltyCases.decisionTier, 'no_penalty'),
        eq(penaltyCases.majorHiddenDanger, true),
      ),
    );

export const closureProposalsOf = async (db: Db | Tx, caseIds: string[]) =>
  caseIds.length === 0
    ? []
    : db.select().from(caseClosureProposals).where(inArray(caseClosureProposals.caseId, caseIds));

// 第一百一十三条第一款第（二）至（四）项: the proposals the heads of the scope recorded, with their case
export const closureOnFactsIn = (db: Db | Tx, scope: SQL | undefined) =>
  db
    .select({
      proposal: caseClosureProposals,
      reference: penaltyCases.reference,
      enterpriseName: penaltyCases.enterpriseName,
    })
    .from(caseClosureProposals)
    .innerJoin(penaltyCases, eq(penaltyCases.id, caseClosureProposals.caseId))
    .where(and(scope, gt(caseClosureProposals.item, 1)))
    .orderBy(desc(caseClosureProposals.sentOn), desc(caseClosureProposals.recordedAt));

// the proposals on facts recorded on one case
export const closureOnFactsOfCase = (db: Db | Tx, caseId: string) =>
  db
    .select()
    .from(caseClosureProposals)
    .where(and(eq(caseClosureProposals.caseId, caseId), gt(caseClosureProposals.item, 1)))
    .orderBy(caseClosureProposals.item);
