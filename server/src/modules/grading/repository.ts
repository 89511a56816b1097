import { and, asc, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { GradingResult } from '@inspecta/domain';
import type { Db, Tx } from '../../platform/db/client.ts';
import { territoryCondition } from '../../platform/db/scope.ts';
import { enterprises } from '../enterprises/schema.ts';
import { enterpriseFacts, enterpriseGrades, gradeChanges, gradeResults, gradeWithResult } from './schema.ts';

// A grade with the result it names.
export type GradeRow = typeof enterpriseGrades.$inferSelect & { result: GradingResult };
export type GradeInsert = typeof enterpriseGrades.$inferInsert & { result: GradingResult };
export type FactRow = typeof enterpriseFacts.$inferSelect;
export type FactInsert = typeof enterpriseFacts.$inferInsert;
export type GradeChangeInsert = typeof gradeChanges.$inferInsert;

// The facts still in force, oldest first (the latest record of a single-valued kind wins).
export const findFactsInForce = (db: Db | Tx, enterpriseId: string) =>
  db
    .select({ kind: enterpriseFacts.kind, data: enterpriseFacts.data })
    .from(enterpriseFacts)
    .where(and(eq(enterpriseFacts.enterpriseId, enterpriseId), isNull(enterpriseFacts.retractedAt)))
    .orderBy(asc(enterpriseFacts.recordedAt));

export const findGradeByEnterpriseId = async (
  db: Db | Tx,
  enterpriseId: string,
): Promise<GradeRow | undefined> => {
  const [row] = await db
    .select(gradeWithResult)
    .from(enterpriseGrades)
    .innerJoin(gradeResults, eq(gradeResults.digest, enterpriseGrades.digest))
    .where(eq(enterpriseGrades.enterpriseId, enterpriseId));
  return row;
};

// Stores the results not stored yet, in digest order (two imports storing the same new results lock them in
// the same order, so neither waits on the other in a cycle).
export const storeGradeResults = async (
  tx: Tx,
  results: { digest: string; result: GradingResult }[],
): Promise<void> => {
  const distinct = [...new Map(results.map((r) => [r.digest, r.result])).entries()].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  if (distinct.length === 0) return;
  await tx.execute(sql`
    insert into grade_results (digest, result)
    select x.digest, x.result from jsonb_to_recordset(${JSON.stringify(distinct.map(([digest, result]) => ({ digest, result })))}::jsonb)
      as x(digest text, result jsonb)
    order by x.digest
    on conflict (digest) do nothing`);
};

export const upsertGrade = async (tx: Tx, { result, ...values }: GradeInsert) => {
  await storeGradeResults(tx, [{ digest: values.digest, result }]);
  await tx
    .insert(enterpriseGrades)
    .values(values)
    .onConflictDoUpdate({ target: enterpriseGrades.enterpriseId, set: values });
};

// measure 4: the enterprise's key status is its grading class.
export const updateEnterpriseKeyStatus = (
  tx: Tx,
  enterpriseId: string,
  status: Pick<typeof enterprises.$inferInsert, 'isKey' | 'keyReasons'>,
) => tx.update(enterprises).set(status).where(eq(enterprises.id, enterpriseId));

export const insertGradeChange = (tx: Tx, values: GradeChangeInsert) =>
  tx.insert(gradeChanges).values(values);

export const listGradeChanges = (db: Db | Tx, enterpriseId: string, limit: number) =>
  db
    .select()
    .from(gradeChanges)
    .where(eq(gradeChanges.enterpriseId, enterpriseId))
    .orderBy(desc(gradeChanges.at))
    .limit(limit);

export const listFactRows = (db: Db | Tx, enterpriseId: string) =>
  db
    .select()
    .from(enterpriseFacts)
    .where(eq(enterpriseFacts.enterpriseId, enterpriseId))
    .orderBy(desc(enterpriseFacts.recordedAt));

export const insertFact = async (tx: Tx, values: FactInsert): Promise<FactRow> => {
  const [row] = await tx.insert(enterpriseFacts).values(values).returning();
  return row!;
};

export const findFactOfEnterprise = async (
  db: Db | Tx,
  factId: string,
  enterpriseId: string,
): Promise<FactRow | undefined> => {
  const [row] = await db
    .select()
    .from(enterpriseFacts)
    .where(and(eq(enterpriseFacts.id, factId), eq(enterpriseFacts.enterpriseId, enterpriseId)));
  return row;
};

export const retractFactRow = (
  tx: Tx,
  factId: string,
  values: { retractedAt: Date; retractionReason: string },
) => tx.update(enterpriseFacts).set(values).where(eq(enterpriseFacts.id, factId));

// Grades counted by territory, class, risk grade and level, within the scope and the territory asked for.
export const countGradesByGroup = (
  db: Db,
  filter: { scope: SQL | undefined; territory?: string | undefined },
) =>
  db
    .select({
      territory: enterpriseGrades.territory,
      class: enterpriseGrades.class,
      riskGrade: enterpriseGrades.riskGrade,
      enforcementLevel: enterpriseGrades.enforcementLevel,
      n: count(),
    })
    .from(enterpriseGrades)
    .where(
      and(
        filter.scope,
        filter.territory ? territoryCondition(filter.territory, enterpriseGrades.territory) : undefined,
      ),
    )
    .groupBy(
      enterpriseGrades.territory,
      enterpriseGrades.class,
      enterpriseGrades.riskGrade,
      enterpriseGrades.enforcementLevel,
    );
