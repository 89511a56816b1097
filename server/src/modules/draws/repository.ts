import { and, asc, count, desc, eq, getTableColumns, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/schema.ts';
import { territoryCondition } from '../../platform/db/scope.ts';
import { enterprises } from '../enterprises/schema.ts';
import { officers } from '../officers/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { conflictDeclarations, draws, type DrawStatus } from './schema.ts';

export type DrawRow = typeof draws.$inferSelect;
export type DrawInsert = typeof draws.$inferInsert;
export type ConflictDeclarationInsert = typeof conflictDeclarations.$inferInsert;

// A draw of this annual plan's batch that is frozen or drawn (a cancelled one does not count).
export const findLiveDrawOfBatch = async (
  tx: Tx,
  batch: { annualPlanId: string; batchCode: string },
): Promise<{ id: string } | undefined> => {
  const [existing] = await tx
    .select({ id: draws.id })
    .from(draws)
    .where(
      and(
        ne(draws.status, 'cancelled'),
        sql`${draws.source} ->> 'annualPlanId' = ${batch.annualPlanId}`,
        sql`${draws.source} ->> 'batchCode' = ${batch.batchCode}`,
      ),
    );
  return existing;
};

// Every column but the pools comes back: they are what was just written (a million codes, not read again).
export const insertDraw = async (tx: Tx, values: DrawInsert): Promise<Omit<DrawRow, 'pools'>> => {
  const { pools: _pools, ...returned } = getTableColumns(draws);
  const [inserted] = await tx.insert(draws).values(values).returning(returned);
  return inserted!;
};

export const findDrawById = async (db: Db | Tx, id: string, lock = false): Promise<DrawRow | undefined> => {
  const query = db.select().from(draws).where(eq(draws.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
};

export const updateDraw = (tx: Tx, id: string, values: Partial<DrawInsert>) =>
  tx.update(draws).set(values).where(eq(draws.id, id));

// The bureau of the territory, which organises its draws.
export const findBureauOfTerritory = async (
  tx: Tx,
  territory: string,
): Promise<{ id: string; name: string } | undefined> => {
  const [bureau] = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, 'bureau'), eq(organisations.territory, territory)));
  return bureau;
};

export const findOfficerTerritory = async (
  tx: Tx,
  officerId: string,
): Promise<{ id: string; territory: string } | undefined> => {
  const [officer] = await tx
    .select({ id: officers.id, territory: officers.territory })
    .from(officers)
    .where(eq(officers.id, officerId));
  return officer;
};

export const findEnterpriseTerritory = async (
  tx: Tx,
  enterpriseId: string,
): Promise<{ id: string; territory: string } | undefined> => {
  const [enterprise] = await tx
    .select({ id: enterprises.id, territory: enterprises.territory })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  return enterprise;
};

export const insertConflictDeclaration = async (tx: Tx, values: ConflictDeclarationInsert) => {
  const [row] = await tx.insert(conflictDeclarations).values(values).returning();
  return row!;
};

export type DrawListFilter = {
  scope: SQL | undefined;
  year?: number | undefined;
  status?: DrawStatus | undefined;
};

const listWhere = (filter: DrawListFilter): SQL | undefined =>
  and(
    filter.scope,
    filter.year ? eq(draws.year, filter.year) : undefined,
    filter.status ? eq(draws.status, filter.status) : undefined,
  );

// The list omits the pools (up to millions of codes): only the columns a summary reads.
const summaryColumns = {
  id: draws.id,
  title: draws.title,
  territory: draws.territory,
  organisationId: draws.organisationId,
  organisationName: draws.organisationName,
  year: draws.year,
  month: draws.month,
  source: draws.source,
  matters: draws.matters,
  status: draws.status,
  pools: sql<DrawRow['pools']>`jsonb_build_object('teamSize', ${draws.pools} -> 'teamSize')`,
  poolHash: draws.poolHash,
  inspectorPoolHash: draws.inspectorPoolHash,
  enterpriseCount: draws.enterpriseCount,
  sampleSize: draws.sampleSize,
  inspectorCount: draws.inspectorCount,
  inspectionDate: draws.inspectionDate,
  frozenAt: draws.frozenAt,
  frozenByName: draws.frozenByName,
  result: sql<
    DrawRow['result']
  >`case when ${draws.result} is null then null else jsonb_build_object('publicEntropy', ${draws.result} -> 'publicEntropy', 'witnesses', ${draws.result} -> 'witnesses', 'seed', ${draws.result} -> 'seed') end`,
  drawnAt: draws.drawnAt,
  drawnByName: draws.drawnByName,
  partners: sql<
    DrawRow['partners']
  >`(select coalesce(jsonb_agg(jsonb_build_object('organisationName', p -> 'organisationName', 'departmentType', p -> 'departmentType', 'inspectorPoolHash', p -> 'inspectorPoolHash')), '[]'::jsonb) from jsonb_array_elements(${draws.partners}) p)`,
  replacements: sql<DrawRow['replacements']>`'[]'::jsonb`,
  cancellation: draws.cancellation,
  resultsPublishedAt: draws.resultsPublishedAt,
  createdAt: draws.createdAt,
};

// A page of draws, newest frozen first, as summary rows (pools reduced to the team size, results to the
// public entropy, witnesses and seed, no replacements).
export const listDrawSummaryRows = async (
  db: Db,
  filter: DrawListFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: DrawRow[]; total: number }> => {
  const where = listWhere(filter);
  const [total] = await db.select({ n: count() }).from(draws).where(where);
  const rows = (await db
    .select(summaryColumns)
    .from(draws)
    .where(where)
    .orderBy(desc(draws.frozenAt), asc(draws.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)) as DrawRow[];
  return { rows, total: total?.n ?? 0 };
};

export const drawsOfTerritory = (territory: string) => territoryCondition(territory, draws.territory);

// The active legal reviewers of these territories, who are reminded to publish a draw's results.
export const findActiveLegalReviewers = (db: Db, territories: string[]) =>
  db
    .select({ id: users.id, territory: users.territory })
    .from(users)
    .where(
      and(inArray(users.territory, territories), eq(users.role, 'legal_reviewer'), eq(users.active, true)),
    );
