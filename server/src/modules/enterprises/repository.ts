import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import { containsPattern, countCap } from '../../platform/http/paging.ts';
import { orderBy } from '../../platform/db/order-by.ts';
import { territoryCondition } from '../../platform/db/scope.ts';
import { enterprises } from './schema.ts';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type EnterpriseInsert = typeof enterprises.$inferInsert;

export type EnterpriseFilter = {
  scope: SQL | undefined;
  q?: string | undefined;
  territory?: string | undefined;
  industry?: string | undefined;
  isKey?: boolean | undefined;
};

const sortable = {
  name: enterprises.name,
  creditCode: enterprises.creditCode,
  territory: enterprises.territory,
  industry: enterprises.industry,
  workforce: enterprises.workforce,
  createdAt: enterprises.createdAt,
  updatedAt: enterprises.updatedAt,
};

// A fragment of exactly two characters (a brand: 华美, 骏腾), which holds no trigram: its pair must be among the row's
// (migration 0065 indexes them, GIN over the expression, which must be written as the index has it), and LIKE
// confirms it. Three characters or
// more: the trigram index serves LIKE itself, and narrows further than pairs do (棠下镇 is one trigram, two pairs).
// One character: LIKE alone. Lengths are counted in characters, as PostgreSQL counts them.
const searchCondition = (q: string): SQL => {
  const like = sql`${enterprises.searchText} like lower(${containsPattern(q)})`;
  return Array.from(q).length === 2
    ? sql`inspecta_bigrams(${enterprises.searchText}) @> inspecta_bigrams(lower(${q})) and ${like}`
    : like;
};

export const enterpriseWhere = (filter: EnterpriseFilter): SQL | undefined =>
  and(
    filter.scope,
    filter.q ? searchCondition(filter.q) : undefined,
    filter.territory ? eq(enterprises.territory, filter.territory) : undefined,
    filter.industry ? eq(enterprises.industry, filter.industry) : undefined,
    filter.isKey === undefined ? undefined : eq(enterprises.isKey, filter.isKey),
  );

export const listEnterpriseRows = async (
  db: Db,
  filter: EnterpriseFilter,
  paging: { page: number; pageSize: number; sort?: string | undefined },
) => {
  const where = enterpriseWhere(filter);
  const [rows, counted] = await Promise.all([
    pageOfRows(db, filter, paging),
    db.select({ n: count() }).from(
      db
        .select({ one: sql`1` })
        .from(enterprises)
        .where(where)
        .limit(countCap + 1)
        .as('capped'),
    ),
  ]);
  const n = counted[0]?.n ?? 0;
  return { rows, total: Math.min(n, countCap), totalIsLowerBound: n > countCap };
};

// How many rows, in name order, a search first looks through before it asks the trigram or pair index.
const probeRows = 5000;

// A search ordered by name has two good plans and PostgreSQL cannot tell them apart in advance: walk the
// name index until the page is full (fast when matches are dense), or collect the matches through the
// trigram or pair index and sort them (fast when they are rare or sort late). So: probe the first rows in name
// order; if they fill the page, that is the page; otherwise find every match through that index
// (`name || ''` keeps the planner off the name index) and sort those.
const pageOfRows = async (
  db: Db,
  filter: EnterpriseFilter,
  paging: { page: number; pageSize: number; sort?: string | undefined },
): Promise<EnterpriseRow[]> => {
  const offset = (paging.page - 1) * paging.pageSize;
  const order = orderBy(paging.sort, sortable, 'name', enterprises.id);
  const byName = (paging.sort ?? 'name') === 'name';
  if (!filter.q || !byName) {
    return db
      .select()
      .from(enterprises)
      .where(enterpriseWhere(filter))
      .orderBy(...order)
      .limit(paging.pageSize)
      .offset(offset);
  }
  if (offset + paging.pageSize <= probeRows) {
    const head = db
      .select()
      .from(enterprises)
      .where(enterpriseWhere({ ...filter, q: undefined }))
      .orderBy(enterprises.name, enterprises.id)
      .limit(probeRows)
      .as('head');
    const probed = await db
      .select()
      .from(head)
      .where(sql`${head.searchText} like lower(${containsPattern(filter.q)})`)
      .orderBy(head.name, head.id)
      .limit(paging.pageSize)
      .offset(offset);
    if (probed.length === paging.pageSize) return probed;
  }
  return db
    .select()
    .from(enterprises)
    .where(enterpriseWhere(filter))
    .orderBy(sql`${enterprises.name} || ''`, enterprises.id)
    .limit(paging.pageSize)
    .offset(offset);
};

// Streams every matching row in pages, for exports that must not hold a million rows at once.
export async function* iterateEnterpriseRows(db: Db, filter: EnterpriseFilter, batchSize = 1000) {
  const where = enterpriseWhere(filter);
  let lastName = '';
  let lastId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select()
      .from(enterprises)
      .where(and(where, sql`(${enterprises.name}, ${enterprises.id}) > (${lastName}, ${lastId})`))
      .orderBy(enterprises.name, enterprises.id)
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    lastName = last.name;
    lastId = last.id;
  }
}

export const findEnterpriseById = async (db: Db | Tx, id: string): Promise<EnterpriseRow | undefined> => {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  return row;
};

// The territory of each enterprise named, for the policy's check of ids a request body carries.
export const findEnterpriseScopesByIds = async (
  db: Db | Tx,
  ids: readonly string[],
): Promise<{ id: string; territory: string }[]> => {
  const found: { id: string; territory: string }[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 5000) {
    found.push(
      ...(await db
        .select({ id: enterprises.id, territory: enterprises.territory })
        .from(enterprises)
        .where(inArray(enterprises.id, unique.slice(i, i + 5000)))),
    );
  }
  return found;
};

export const findEnterprisesByCreditCodes = async (
  db: Db | Tx,
  codes: string[],
): Promise<EnterpriseRow[]> => {
  const found: EnterpriseRow[] = [];
  // in chunks: one statement's parameters are limited (65,535 on PostgreSQL)
  for (let i = 0; i < codes.length; i += 5000) {
    found.push(
      ...(await db
        .select()
        .from(enterprises)
        .where(inArray(enterprises.creditCode, codes.slice(i, i + 5000)))),
    );
  }
  return found;
};

export const insertEnterprise = async (tx: Tx, values: EnterpriseInsert): Promise<EnterpriseRow> => {
  const [row] = await tx.insert(enterprises).values(values).returning();
  return row!;
};

// Many rows in one statement per chunk (a workbook import), returned in the order given.
export const insertEnterprises = async (tx: Tx, values: EnterpriseInsert[]): Promise<EnterpriseRow[]> => {
  const inserted: EnterpriseRow[] = [];
  for (let i = 0; i < values.length; i += 1000) {
    const rows = await tx
      .insert(enterprises)
      .values(values.slice(i, i + 1000))
      .returning();
    const byCode = new Map(rows.map((row) => [row.creditCode, row]));
    for (const value of values.slice(i, i + 1000)) inserted.push(byCode.get(value.creditCode)!);
  }
  return inserted;
};

export const updateEnterpriseRow = async (
  tx: Tx,
  id: string,
  values: Partial<EnterpriseInsert>,
): Promise<EnterpriseRow> => {
  const [row] = await tx.update(enterprises).set(values).where(eq(enterprises.id, id)).returning();
  return row!;
};

export const countEnterprisesInScope = async (
  db: Db,
  filter: { scope: SQL | undefined; territory?: string | undefined },
): Promise<number> => {
  const [all] = await db
    .select({ n: count() })
    .from(enterprises)
    .where(
      and(
        filter.scope,
        filter.territory ? territoryCondition(filter.territory, enterprises.territory) : undefined,
      ),
    );
  return all?.n ?? 0;
};
