import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  inArray,
  isNotNull,
  isNull,
  like,
  lte,
  sql,
  type SQL,
} from 'drizzle-orm';
import {
  OPEN_SEIZURE_STATUSES,
  OPEN_SUPPLY_SUSPENSION_STATUSES,
  type CaseStatus,
  type Tier,
} from '@inspecta/domain';
import type { Db, Tx } from '../../platform/db/client.ts';
import { organisations } from '../organisations/schema.ts';
import {
  caseDocuments,
  caseSeizures,
  caseSupplySuspensions,
  penaltyCaseEvidence,
  penaltyCases,
} from './schema.ts';

export type CaseRow = typeof penaltyCases.$inferSelect;
export type EvidenceRow = typeof penaltyCaseEvidence.$inferSelect;

export const insertCase = async (tx: Tx, values: typeof penaltyCases.$inferInsert): Promise<CaseRow> => {
  const [row] = await tx.insert(penaltyCases).values(values).returning();
  return row!;
};

export const findCaseById = async (db: Db | Tx, id: string, lock = false): Promise<CaseRow | undefined> => {
  const query = db.select().from(penaltyCases).where(eq(penaltyCases.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
};

export const findCaseByReferral = async (db: Db | Tx, caseReferralId: string) =>
  (await db.select().from(penaltyCases).where(eq(penaltyCases.caseReferralId, caseReferralId)))[0];

export const findCaseByReport = async (db: Db | Tx, reportId: string) =>
  (await db.select().from(penaltyCases).where(eq(penaltyCases.reportId, reportId)))[0];

export const findCaseByOrder = async (db: Db | Tx, orderId: string) =>
  (await db.select().from(penaltyCases).where(eq(penaltyCases.rectificationOrderId, orderId)))[0];

// The next reference in the bureau's year; the advisory lock keeps two openings from taking the same number.
export const nextCaseNumber = async (tx: Tx, territory: string, year: number): Promise<number> => {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`penalty_case:${territory}:${year}`}))`);
  const [row] = await tx
    .select({ n: count() })
    .from(penaltyCases)
    .where(and(eq(penaltyCases.territory, territory), like(penaltyCases.reference, `${year}-%`)));
  return (row?.n ?? 0) + 1;
};

export const updateCase = async (tx: Tx, id: string, set: Partial<typeof penaltyCases.$inferInsert>) => {
  const [row] = await tx.update(penaltyCases).set(set).where(eq(penaltyCases.id, id)).returning();
  return row!;
};

// measure 14: an observation period still open whose follow-up day falls on or before `dueBy` (a case without
// one has no follow-up day, which compares as unknown)
export const observationDue = (dueBy: string): SQL =>
  and(isNull(penaltyCases.observationOutcome), lte(penaltyCases.observationFollowUpOn, dueBy))!;

// measure 16: a case with a 查封、扣押 in force whose last day falls on or before `dueBy` (overdue ones included)
export const seizureDue = (dueBy: string): SQL =>
  exists(
    sql`(select 1 from ${caseSeizures} where ${caseSeizures.caseId} = ${penaltyCases.id} and ${caseSeizures.status} = 'in_force' and ${caseSeizures.dueOn} <= ${dueBy})`,
  );

export const listCaseRows = async (
  db: Db | Tx,
  filter: {
    scope: SQL | undefined;
    status?: CaseStatus;
    inspectionId?: string;
    observationDueBy?: string;
    seizureDueBy?: string;
  },
  paging: { page: number; pageSize: number },
) => {
  const conditions: (SQL | undefined)[] = [filter.scope];
  if (filter.status) conditions.push(eq(penaltyCases.status, filter.status));
  if (filter.inspectionId) conditions.push(eq(penaltyCases.inspectionId, filter.inspectionId));
  if (filter.observationDueBy) conditions.push(observationDue(filter.observationDueBy));
  if (filter.seizureDueBy) conditions.push(seizureDue(filter.seizureDueBy));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(penaltyCases)
      .where(where)
      .orderBy(
        ...(filter.observationDueBy ? [asc(penaltyCases.observationFollowUpOn)] : []),
        desc(penaltyCases.openedOn),
        desc(penaltyCases.reference),
        asc(penaltyCases.id),
      )
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    db.select({ n: count() }).from(penaltyCases).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
};

export const insertEvidence = async (tx: Tx, values: typeof penaltyCaseEvidence.$inferInsert) => {
  const [row] = await tx.insert(penaltyCaseEvidence).values(values).returning();
  return row!;
};

export const findEvidenceOf = (db: Db | Tx, caseId: string): Promise<EvidenceRow[]> =>
  db
    .select()
    .from(penaltyCaseEvidence)
    .where(eq(penaltyCaseEvidence.caseId, caseId))
    .orderBy(asc(penaltyCaseEvidence.recordedAt), asc(penaltyCaseEvidence.id));

export const countEvidenceOf = async (db: Db | Tx, caseId: string): Promise<number> => {
  const [row] = await db
    .select({ n: count() })
    .from(penaltyCaseEvidence)
    .where(eq(penaltyCaseEvidence.caseId, caseId));
  return row?.n ?? 0;
};

// measure 18: the amounts of past decisions for the same violation and tier, in a territory (prefix for a city).
export const decisionDistribution = async (
  db: Db | Tx,
  filter: { violationCode: string; tier: Tier; territoryPrefix: string; excludeId: string },
) => {
  const [row] = await db
    .select({
      n: count(),
      min: sql<number | null>`min(${penaltyCases.decisionAmountFen})`,
      p25: sql<
        number | null
      >`percentile_cont(0.25) within group (order by ${penaltyCases.decisionAmountFen})`,
      median: sql<
        number | null
      >`percentile_cont(0.5) within group (order by ${penaltyCases.decisionAmountFen})`,
      p75: sql<
        number | null
      >`percentile_cont(0.75) within group (order by ${penaltyCases.decisionAmountFen})`,
      max: sql<number | null>`max(${penaltyCases.decisionAmountFen})`,
    })
    .from(penaltyCases)
    .where(
      and(
        eq(penaltyCases.violationCode, filter.violationCode),
        eq(penaltyCases.decisionTier, filter.tier),
        isNotNull(penaltyCases.decisionAmountFen),
        like(penaltyCases.territory, `${filter.territoryPrefix}%`),
        sql`${penaltyCases.id} <> ${filter.excludeId}`,
      ),
    );
  const number = (value: unknown): number | null =>
    value === null || value === undefined ? null : Number(value);
  return {
    count: row?.n ?? 0,
    minFen: number(row?.min),
    p25Fen: number(row?.p25),
    medianFen: number(row?.median),
    p75Fen: number(row?.p75),
    maxFen: number(row?.max),
  };
};

// issue 15 item 7: the case's 查封、扣押
export type SeizureRow = typeof caseSeizures.$inferSelect;

export const insertSeizure = async (
  tx: Tx,
  values: typeof caseSeizures.$inferInsert,
): Promise<SeizureRow> => {
  const [row] = await tx.insert(caseSeizures).values(values).returning();
  return row!;
};

export const findSeizuresOf = (db: Db | Tx, caseId: string): Promise<SeizureRow[]> =>
  db
    .select()
    .from(caseSeizures)
    .where(eq(caseSeizures.caseId, caseId))
    .orderBy(asc(caseSeizures.createdAt), asc(caseSeizures.id));

// one seizure of one case, locked (the case is locked first by the caller)
export const findSeizureOfCase = async (tx: Tx, caseId: string, seizureId: string) =>
  (
    await tx
      .select()
      .from(caseSeizures)
      .where(and(eq(caseSeizures.caseId, caseId), eq(caseSeizures.id, seizureId)))
      .for('update')
  )[0];

export const updateSeizure = async (tx: Tx, id: string, set: Partial<typeof caseSeizures.$inferInsert>) => {
  const [row] = await tx.update(caseSeizures).set(set).where(eq(caseSeizures.id, id)).returning();
  return row!;
};

export const countOpenSeizuresOf = async (db: Db | Tx, caseId: string): Promise<number> => {
  const [row] = await db
    .select({ n: count() })
    .from(caseSeizures)
    .where(and(eq(caseSeizures.caseId, caseId), inArray(caseSeizures.status, [...OPEN_SEIZURE_STATUSES])));
  return row?.n ?? 0;
};

// issue 15 item 11: the case's numbered documents, and the bureau that issues them (谁处罚: the case's own)
export type CaseDocumentRow = typeof caseDocuments.$inferSelect;

export const insertCaseDocument = async (
  tx: Tx,
  values: typeof caseDocuments.$inferInsert,
): Promise<CaseDocumentRow> => {
  const [row] = await tx.insert(caseDocuments).values(values).returning();
  return row!;
};

// in the order they were issued
export const listCaseDocumentsOf = (db: Db | Tx, caseId: string): Promise<CaseDocumentRow[]> =>
  db
    .select()
    .from(caseDocuments)
    .where(eq(caseDocuments.caseId, caseId))
    .orderBy(asc(caseDocuments.issuedAt), asc(caseDocuments.type), asc(caseDocuments.sequence));

export const findCaseDocumentById = async (db: Db | Tx, id: string): Promise<CaseDocumentRow | undefined> =>
  (await db.select().from(caseDocuments).where(eq(caseDocuments.id, id)))[0];

export const findBureauOfTerritory = async (db: Db | Tx, territory: string) =>
  (
    await db
      .select({ id: organisations.id, name: organisations.name, territory: organisations.territory })
      .from(organisations)
      .where(and(eq(organisations.territory, territory), eq(organisations.kind, 'bureau')))
      .limit(1)
  )[0];

// 安全生产法 第七十条: the case's supply suspensions
export type SupplySuspensionRow = typeof caseSupplySuspensions.$inferSelect;

export const findSupplySuspensionsOf = (db: Db | Tx, caseId: string): Promise<SupplySuspensionRow[]> =>
  db
    .select()
    .from(caseSupplySuspensions)
    .where(eq(caseSupplySuspensions.caseId, caseId))
    .orderBy(asc(caseSupplySuspensions.createdAt));

export const countOpenSupplySuspensions = async (db: Db | Tx, caseId: string): Promise<number> =>
  (
    await db
      .select({ n: count() })
      .from(caseSupplySuspensions)
      .where(
        and(
          eq(caseSupplySuspensions.caseId, caseId),
          inArray(caseSupplySuspensions.status, [...OPEN_SUPPLY_SUSPENSION_STATUSES]),
        ),
      )
  )[0]?.n ?? 0;

// one suspension of one case, locked (the case is locked first by the caller)
export const findSupplySuspensionOfCase = async (tx: Tx, caseId: string, suspensionId: string) =>
  (
    await tx
      .select()
      .from(caseSupplySuspensions)
      .where(and(eq(caseSupplySuspensions.caseId, caseId), eq(caseSupplySuspensions.id, suspensionId)))
      .for('update')
  )[0];

export const insertSupplySuspension = async (tx: Tx, values: typeof caseSupplySuspensions.$inferInsert) =>
  (await tx.insert(caseSupplySuspensions).values(values).returning())[0]!;

export const updateSupplySuspension = (
  tx: Tx,
  id: string,
  set: Partial<typeof caseSupplySuspensions.$inferInsert>,
) => tx.update(caseSupplySuspensions).set(set).where(eq(caseSupplySuspensions.id, id));
