import { and, asc, desc, eq, inArray, isNull, lt, sql, type Column, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import { officers } from '../officers/schema.ts';
import { inspections } from '../inspections/schema.ts';
import { penaltyCases } from '../cases/schema.ts';
import { caseReviewCorrections, caseReviewFiles, caseReviewRounds, enforcementComplaints } from './schema.ts';

// All SQL of the supervision module: complaints, case-file review rounds, and the figures of measure 18.

type Q = Db | Tx;

export type ComplaintRow = typeof enforcementComplaints.$inferSelect;
export type RoundRow = typeof caseReviewRounds.$inferSelect;
export type ReviewFileRow = typeof caseReviewFiles.$inferSelect;
export type CorrectionRow = typeof caseReviewCorrections.$inferSelect;

// ---- what a complaint or a review names

export const findOfficer = async (db: Q, id: string) =>
  (
    await db
      .select({ id: officers.id, name: officers.name, territory: officers.territory })
      .from(officers)
      .where(eq(officers.id, id))
  )[0];

export const findInspectionRef = async (db: Q, id: string) =>
  (
    await db
      .select({
        id: inspections.id,
        territory: inspections.territory,
        enterpriseName: inspections.enterpriseName,
        plannedOn: inspections.plannedOn,
      })
      .from(inspections)
      .where(eq(inspections.id, id))
  )[0];

export const findPenaltyCaseRef = async (db: Q, id: string) =>
  (
    await db
      .select({
        id: penaltyCases.id,
        territory: penaltyCases.territory,
        reference: penaltyCases.reference,
        enterpriseName: penaltyCases.enterpriseName,
      })
      .from(penaltyCases)
      .where(eq(penaltyCases.id, id))
  )[0];

// ---- complaints

export const insertComplaint = async (tx: Tx, values: typeof enforcementComplaints.$inferInsert) =>
  (await tx.insert(enforcementComplaints).values(values).returning())[0]!;

// what the complaints of a list name, labelled for their table (measure 29)
export const inspectionLabels = (db: Q, ids: string[]) =>
  ids.length
    ? db
        .select({
          id: inspections.id,
          enterpriseName: inspections.enterpriseName,
          plannedOn: inspections.plannedOn,
        })
        .from(inspections)
        .where(inArray(inspections.id, ids))
    : Promise.resolve([]);

export const penaltyCaseLabels = (db: Q, ids: string[]) =>
  ids.length
    ? db
        .select({
          id: penaltyCases.id,
          reference: penaltyCases.reference,
          enterpriseName: penaltyCases.enterpriseName,
        })
        .from(penaltyCases)
        .where(inArray(penaltyCases.id, ids))
    : Promise.resolve([]);

export const findComplaint = async (db: Q, id: string, forUpdate = false) => {
  const query = db.select().from(enforcementComplaints).where(eq(enforcementComplaints.id, id));
  return (await (forUpdate ? query.for('update') : query))[0];
};

export const updateComplaint = async (
  tx: Tx,
  id: string,
  values: Partial<typeof enforcementComplaints.$inferInsert>,
) =>
  (
    await tx.update(enforcementComplaints).set(values).where(eq(enforcementComplaints.id, id)).returning()
  )[0]!;

export const listComplaints = async (
  db: Q,
  filter: { scope: SQL | undefined; status?: 'open' | 'answered'; officerId?: string; overdueOn?: string },
) =>
  db
    .select()
    .from(enforcementComplaints)
    .where(
      and(
        filter.scope,
        filter.status ? eq(enforcementComplaints.status, filter.status) : undefined,
        filter.officerId ? eq(enforcementComplaints.officerId, filter.officerId) : undefined,
        filter.overdueOn
          ? and(eq(enforcementComplaints.status, 'open'), lt(enforcementComplaints.dueOn, filter.overdueOn))
          : undefined,
      ),
    )
    .orderBy(desc(enforcementComplaints.receivedOn), desc(enforcementComplaints.createdAt))
    .limit(500);

// The workbench: open complaints past their day.
export const complaintsOverdue = async (
  db: Q,
  filter: { scope: (columns: { territory: Column }) => SQL | undefined; today: string },
) => {
  const where = and(
    filter.scope({ territory: enforcementComplaints.territory }),
    eq(enforcementComplaints.status, 'open'),
    lt(enforcementComplaints.dueOn, filter.today),
  );
  const [[total], rows] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(enforcementComplaints)
      .where(where),
    db
      .select({
        id: enforcementComplaints.id,
        summary: enforcementComplaints.summary,
        date: enforcementComplaints.dueOn,
      })
      .from(enforcementComplaints)
      .where(where)
      .orderBy(asc(enforcementComplaints.dueOn))
      .limit(5),
  ]);
  return {
    count: total?.n ?? 0,
    rows: rows.map((row) => ({
      id: row.id,
      title: row.summary.length > 30 ? `${row.summary.slice(0, 30)}…` : row.summary,
      date: row.date,
      inspectionId: null,
    })),
  };
};

// Complaints about an officer or a decision of the bureau, not yet taken into a review.
export const queuedComplaints = async (tx: Tx, territory: string) =>
  tx
    .select()
    .from(enforcementComplaints)
    .where(
      and(
        eq(enforcementComplaints.territory, territory),
        eq(enforcementComplaints.reviewQueued, true),
        isNull(enforcementComplaints.reviewFileId),
      ),
    )
    .orderBy(asc(enforcementComplaints.receivedOn));

// ---- case-file review

// One closed or concluded file of the bureau, with the people who handled it.
export type PoolFile = {
  kind: 'penalty_case' | 'inspection';
  id: string;
  label: string;
  on: string;
  handlerIds: string[];
  handlerNames: string[];
  officerIds: string[];
};

// The pool of a round: the bureau's penalty cases closed and its inspections concluded in the period.
export const reviewPoolFiles = async (
  db: Q,
  filter: { territory: string; from: string; to: string; kinds: ('penalty_case' | 'inspection')[] },
): Promise<PoolFile[]> => {
  const files: PoolFile[] = [];
  if (filter.kinds.includes('penalty_case')) {
    const rows = await db
      .select({
        id: penaltyCases.id,
        reference: penaltyCases.reference,
        enterpriseName: penaltyCases.enterpriseName,
        closedOn: penaltyCases.closedOn,
        openedByName: penaltyCases.openedByName,
        draftedBy: penaltyCases.proposalDraftedBy,
        draftedByName: penaltyCases.proposalDraftedByName,
        team: sql<
          { officerId: string | null; name: string }[] | null
        >`(select i.team from inspections i where i.id = "penalty_cases"."inspection_id")`,
      })
      .from(penaltyCases)
      .where(
        and(
          eq(penaltyCases.territory, filter.territory),
          eq(penaltyCases.status, 'closed'),
          sql`${penaltyCases.closedOn} between ${filter.from} and ${filter.to}`,
        ),
      );
    for (const row of rows)
      files.push({
        kind: 'penalty_case',
        id: row.id,
        label: `${row.enterpriseName}（${row.reference}）`,
        on: row.closedOn!,
        handlerIds: row.draftedBy ? [row.draftedBy] : [],
        handlerNames: [
          row.openedByName,
          row.draftedByName ?? '',
          ...(row.team ?? []).map((m) => m.name),
        ].filter((name) => name.length > 0),
        officerIds: (row.team ?? []).flatMap((m) => (m.officerId ? [m.officerId] : [])),
      });
  }
  if (filter.kinds.includes('inspection')) {
    const on = sql<string>`coalesce(${inspections.completedOn}, (${inspections.closedAt} at time zone 'Asia/Shanghai')::date, ${inspections.plannedOn})::text`;
    const rows = await db
      .select({
        id: inspections.id,
        enterpriseName: inspections.enterpriseName,
        on,
        team: inspections.team,
        createdByName: inspections.createdByName,
      })
      .from(inspections)
      .where(
        and(
          eq(inspections.territory, filter.territory),
          inArray(inspections.stage, ['concluded', 'closed', 'completed']),
          sql`${on} between ${filter.from} and ${filter.to}`,
        ),
      );
    for (const row of rows)
      files.push({
        kind: 'inspection',
        id: row.id,
        label: `${row.enterpriseName}（检查 ${row.on}）`,
        on: row.on,
        handlerIds: [],
        handlerNames: row.team.map((member) => member.name),
        officerIds: row.team.flatMap((member) => (member.officerId ? [member.officerId] : [])),
      });
  }
  return files;
};

export const insertRound = async (tx: Tx, values: typeof caseReviewRounds.$inferInsert) =>
  (await tx.insert(caseReviewRounds).values(values).returning())[0]!;

export const findRound = async (db: Q, id: string, forUpdate = false) => {
  const query = db.select().from(caseReviewRounds).where(eq(caseReviewRounds.id, id));
  return (await (forUpdate ? query.for('update') : query))[0];
};

export const updateRound = async (
  tx: Tx,
  id: string,
  values: Partial<typeof caseReviewRounds.$inferInsert>,
) => (await tx.update(caseReviewRounds).set(values).where(eq(caseReviewRounds.id, id)).returning())[0]!;

export const listRounds = async (db: Q, scope: SQL | undefined) =>
  db
    .select({
      round: caseReviewRounds,
      files: sql<number>`(select count(*)::int from ${caseReviewFiles} f where f.round_id = "case_review_rounds"."id")`,
      scored: sql<number>`(select count(*)::int from ${caseReviewFiles} f where f.round_id = "case_review_rounds"."id" and f.status = 'scored')`,
    })
    .from(caseReviewRounds)
    .where(scope)
    .orderBy(desc(caseReviewRounds.openedAt))
    .limit(200);

export const insertReviewFiles = async (tx: Tx, values: (typeof caseReviewFiles.$inferInsert)[]) =>
  values.length === 0 ? [] : tx.insert(caseReviewFiles).values(values).returning();

export const filesOfRound = async (db: Q, roundId: string) =>
  db
    .select()
    .from(caseReviewFiles)
    .where(eq(caseReviewFiles.roundId, roundId))
    .orderBy(asc(caseReviewFiles.basis));

export const findReviewFile = async (db: Q, id: string, forUpdate = false) => {
  const query = db.select().from(caseReviewFiles).where(eq(caseReviewFiles.id, id));
  return (await (forUpdate ? query.for('update') : query))[0];
};

export const updateReviewFile = async (
  tx: Tx,
  id: string,
  values: Partial<typeof caseReviewFiles.$inferInsert>,
) => (await tx.update(caseReviewFiles).set(values).where(eq(caseReviewFiles.id, id)).returning())[0]!;

export const linkComplaintsToFile = async (tx: Tx, complaintIds: string[], fileId: string) => {
  if (complaintIds.length > 0)
    await tx
      .update(enforcementComplaints)
      .set({ reviewFileId: fileId })
      .where(inArray(enforcementComplaints.id, complaintIds));
};

export const correctionsOfFiles = async (db: Q, fileIds: string[]) =>
  fileIds.length === 0
    ? []
    : db
        .select()
        .from(caseReviewCorrections)
        .where(inArray(caseReviewCorrections.reviewFileId, fileIds))
        .orderBy(asc(caseReviewCorrections.orderedAt));

export const insertCorrection = async (tx: Tx, values: typeof caseReviewCorrections.$inferInsert) =>
  (await tx.insert(caseReviewCorrections).values(values).returning())[0]!;

export const findCorrection = async (db: Q, id: string, forUpdate = false) => {
  const query = db.select().from(caseReviewCorrections).where(eq(caseReviewCorrections.id, id));
  return (await (forUpdate ? query.for('update') : query))[0];
};

export const updateCorrection = async (
  tx: Tx,
  id: string,
  values: Partial<typeof caseReviewCorrections.$inferInsert>,
) =>
  (
    await tx.update(caseReviewCorrections).set(values).where(eq(caseReviewCorrections.id, id)).returning()
  )[0]!;

// ---- measure 18: per inspection of the period, its counts (aggregated in SQL); the service groups them by
// bureau and by officer

export type InspectionFigures = {
  id: string;
  territory: string;
  organisationName: string;
  enterpriseId: string;
  enterpriseName: string;
  on: string;
  team: { officerId: string | null; certificate: string; name: string }[];
  findings: number;
  orders: number;
  penalties: number;
  fineFen: number;
  benchmarkFen: number;
  caseIds: string[];
};

export const inspectionFigures = async (
  db: Q,
  filter: { scope: (columns: { territory: Column }) => SQL | undefined; from: string; to: string },
): Promise<InspectionFigures[]> => {
  const on = sql<string>`coalesce(${inspections.completedOn}, (${inspections.closedAt} at time zone 'Asia/Shanghai')::date, ${inspections.plannedOn})::text`;
  return db
    .select({
      id: inspections.id,
      territory: inspections.territory,
      organisationName: inspections.organisationName,
      enterpriseId: inspections.enterpriseId,
      enterpriseName: inspections.enterpriseName,
      on,
      team: inspections.team,
      findings: sql<number>`(select count(*)::int from findings f where f.inspection_id = "inspections"."id")`,
      orders: sql<number>`(select count(*)::int from rectification_orders o where o.inspection_id = "inspections"."id")`,
      penalties: sql<number>`(select count(*)::int from penalty_cases c where c.inspection_id = "inspections"."id" and c.decided_on is not null and c.decision_tier is not null)`,
      fineFen: sql<number>`(select coalesce(sum(c.decision_amount_fen), 0)::float8 from penalty_cases c where c.inspection_id = "inspections"."id" and c.decided_on is not null and c.decision_amount_fen is not null and (c.proposal->>'amountFen') is not null)`,
      benchmarkFen: sql<number>`(select coalesce(sum((c.proposal->>'amountFen')::bigint), 0)::float8 from penalty_cases c where c.inspection_id = "inspections"."id" and c.decided_on is not null and c.decision_amount_fen is not null and (c.proposal->>'amountFen') is not null)`,
      caseIds: sql<
        string[]
      >`coalesce((select array_agg(c.id::text) from penalty_cases c where c.inspection_id = "inspections"."id"), '{}')`,
    })
    .from(inspections)
    .where(
      and(
        filter.scope({ territory: inspections.territory }),
        // the bureau's own inspections: another department's (a joint or a department's own visit) are not its
        isNull(inspections.departmentType),
        inArray(inspections.stage, ['findings_recorded', 'concluded', 'closed', 'completed']),
        sql`${on} between ${filter.from} and ${filter.to}`,
      ),
    )
    .orderBy(asc(on), asc(inspections.id))
    .limit(20_000);
};

// Complaints received in the period, counted per officer named and per bureau.
export const complaintCounts = async (db: Q, filter: { scope: SQL | undefined; from: string; to: string }) =>
  db
    .select({
      territory: enforcementComplaints.territory,
      officerId: enforcementComplaints.officerId,
      inspectionId: enforcementComplaints.inspectionId,
      n: sql<number>`count(*)::int`,
    })
    .from(enforcementComplaints)
    .where(
      and(filter.scope, sql`${enforcementComplaints.receivedOn} between ${filter.from} and ${filter.to}`),
    )
    .groupBy(
      enforcementComplaints.territory,
      enforcementComplaints.officerId,
      enforcementComplaints.inspectionId,
    );
