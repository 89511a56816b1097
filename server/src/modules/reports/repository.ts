import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gt,
  ilike,
  inArray,
  isNull,
  lt,
  sql,
  type Column,
  type SQL,
} from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import { enterprises } from '../enterprises/schema.ts';
import {
  internalReportingPayouts,
  internalReportingSystems,
  reportLookups,
  reportPhotos,
  reportRewards,
  reports,
} from './schema.ts';

export type ReportRow = typeof reports.$inferSelect;
export type RewardRow = typeof reportRewards.$inferSelect;
export type SystemRow = typeof internalReportingSystems.$inferSelect;
export type PayoutRow = typeof internalReportingPayouts.$inferSelect;

// Every column of a report but the identity envelope and the password hash: what the handling views read.
// The envelope is read only by findIdentityCipher, for the one audited endpoint.
const { identityCipher: _identity, passwordHash: _password, ...handlingColumns } = getTableColumns(reports);
export type HandledReport = Omit<ReportRow, 'identityCipher' | 'passwordHash'> & {
  enterpriseName: string | null;
  photoCount: number;
};

const photoCount = sql<number>`(select count(*)::int from ${reportPhotos} where ${reportPhotos.reportId} = ${reports.id})`;

const handled = (db: Db | Tx) =>
  db
    .select({ ...handlingColumns, enterpriseName: enterprises.name, photoCount })
    .from(reports)
    .leftJoin(enterprises, eq(enterprises.id, reports.enterpriseId));

export const insertReport = async (tx: Tx, row: typeof reports.$inferInsert) => {
  await tx.insert(reports).values(row);
};

export const insertReportPhotos = async (tx: Tx, rows: (typeof reportPhotos.$inferInsert)[]) => {
  if (rows.length > 0) await tx.insert(reportPhotos).values(rows);
};

export const findHandledReport = async (db: Db | Tx, id: string): Promise<HandledReport | undefined> =>
  (await handled(db).where(eq(reports.id, id)))[0];

export const lockReport = async (tx: Tx, id: string): Promise<HandledReport | undefined> =>
  (await handled(tx).where(eq(reports.id, id)).for('update', { of: reports }))[0];

export const listHandledReports = (
  db: Db,
  filter: {
    scope: SQL | undefined;
    states?: string[];
    enterpriseId?: string;
    ids?: string[];
    limit: number;
    offset: number;
  },
) => {
  const where = and(
    filter.scope,
    filter.ids ? (filter.ids.length ? inArray(reports.id, filter.ids) : sql`false`) : undefined,
    filter.states?.length ? inArray(reports.state, filter.states as ReportRow['state'][]) : undefined,
    filter.enterpriseId ? eq(reports.enterpriseId, filter.enterpriseId) : undefined,
  );
  return Promise.all([
    handled(db).where(where).orderBy(desc(reports.receivedAt)).limit(filter.limit).offset(filter.offset),
    db.select({ total: count() }).from(reports).where(where),
  ]);
};

// The open reports of the scope (workbench deadlines): accepted or verified, not yet answered.
export const openReports = (db: Db, scope: SQL | undefined) =>
  handled(db).where(and(scope, inArray(reports.state, ['received', 'accepted', 'verified'])));

export const findIdentityCipher = async (db: Db | Tx, id: string): Promise<string | null> =>
  (await db.select({ cipher: reports.identityCipher }).from(reports).where(eq(reports.id, id)))[0]?.cipher ??
  null;

// The public follow-up: the row by its receipt code, with the hash to check the password against.
export const findByReceipt = async (db: Db | Tx, receiptCode: string) =>
  (
    await db
      .select({ ...handlingColumns, passwordHash: reports.passwordHash, enterpriseName: enterprises.name })
      .from(reports)
      .leftJoin(enterprises, eq(enterprises.id, reports.enterpriseId))
      .where(eq(reports.receiptCode, receiptCode))
  )[0];

export const updateReport = async (tx: Tx, id: string, patch: Partial<ReportRow>) => {
  await tx.update(reports).set(patch).where(eq(reports.id, id));
};

export const photosOf = (db: Db | Tx, reportId: string) =>
  db
    .select({ id: reportPhotos.id, size: reportPhotos.size, mediaType: reportPhotos.mediaType })
    .from(reportPhotos)
    .where(eq(reportPhotos.reportId, reportId))
    .orderBy(asc(reportPhotos.id));

export const findPhoto = async (db: Db | Tx, reportId: string, photoId: string) =>
  (
    await db
      .select()
      .from(reportPhotos)
      .where(and(eq(reportPhotos.reportId, reportId), eq(reportPhotos.id, photoId)))
  )[0];

// rate limit of the public follow-up
export const failedLookupsSince = async (db: Db | Tx, clientHash: string, since: Date): Promise<number> =>
  (
    await db
      .select({ n: count() })
      .from(reportLookups)
      .where(
        and(
          eq(reportLookups.clientHash, clientHash),
          gt(reportLookups.at, since),
          eq(reportLookups.succeeded, false),
        ),
      )
  )[0]?.n ?? 0;

export const recordLookup = async (db: Db | Tx, row: typeof reportLookups.$inferInsert) => {
  await db.insert(reportLookups).values(row);
};

// the rate limits' rows that no window looks at any more
export const deleteLookupsBefore = async (db: Db | Tx, before: Date): Promise<number> =>
  (await db.delete(reportLookups).where(lt(reportLookups.at, before)).returning({ id: reportLookups.id }))
    .length;

// rate limit of public submissions: counts the address's recent submissions and records this one under a
// lock on the address (inside the submission's transaction), so parallel requests cannot all pass the count.
// Answers false when the address is over its limit.
export const reserveSubmission = async (
  tx: Tx,
  clientHash: string,
  at: Date,
  limit: { since: Date; max: number },
): Promise<boolean> => {
  await tx.execute(sql`select pg_advisory_xact_lock(7391201, hashtext(${clientHash}))`);
  const [recent] = await tx
    .select({ n: count() })
    .from(reportLookups)
    .where(and(eq(reportLookups.clientHash, clientHash), gt(reportLookups.at, limit.since)));
  if ((recent?.n ?? 0) >= limit.max) return false;
  await tx.insert(reportLookups).values({ clientHash, at, succeeded: true });
  return true;
};

// The public search of the register: name and county, nothing else.
export const searchEnterprisesByName = (db: Db, q: string) =>
  db
    .select({ id: enterprises.id, name: enterprises.name, territory: enterprises.territory })
    .from(enterprises)
    .where(ilike(enterprises.name, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))
    .orderBy(asc(enterprises.name))
    .limit(10);

export const findEnterpriseBrief = async (db: Db | Tx, id: string) =>
  (
    await db
      .select({
        id: enterprises.id,
        name: enterprises.name,
        territory: enterprises.territory,
        industry: enterprises.industry,
      })
      .from(enterprises)
      .where(eq(enterprises.id, id))
  )[0];

// rewards
export const findReward = async (db: Db | Tx, reportId: string): Promise<RewardRow | undefined> =>
  (await db.select().from(reportRewards).where(eq(reportRewards.reportId, reportId)))[0];

export const insertReward = async (tx: Tx, row: typeof reportRewards.$inferInsert) => {
  await tx.insert(reportRewards).values(row);
};

export const updateReward = async (tx: Tx, id: string, patch: Partial<RewardRow>) => {
  await tx.update(reportRewards).set(patch).where(eq(reportRewards.id, id));
};

// internal reporting mechanisms (安委〔2024〕7号)
export const findSystemOfEnterprise = async (db: Db | Tx, enterpriseId: string) =>
  (
    await db
      .select()
      .from(internalReportingSystems)
      .where(eq(internalReportingSystems.enterpriseId, enterpriseId))
  )[0];

export const insertSystem = async (tx: Tx, row: typeof internalReportingSystems.$inferInsert) => {
  await tx.insert(internalReportingSystems).values(row);
};

export const payoutsOf = (db: Db | Tx, systemId: string) =>
  db
    .select()
    .from(internalReportingPayouts)
    .where(eq(internalReportingPayouts.systemId, systemId))
    .orderBy(desc(internalReportingPayouts.paidOn));

export const insertPayout = async (tx: Tx, row: typeof internalReportingPayouts.$inferInsert) => {
  await tx.insert(internalReportingPayouts).values(row);
};

// 安委〔2024〕7号: the key-industry enterprises of the scope without a registered mechanism
export type Scoper = (columns: { territory: Column }) => SQL | undefined;
export const enterprisesWithoutSystem = (db: Db, scoper: Scoper, industries: string[]) =>
  db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      territory: enterprises.territory,
      industry: enterprises.industry,
    })
    .from(enterprises)
    .leftJoin(internalReportingSystems, eq(internalReportingSystems.enterpriseId, enterprises.id))
    .where(
      and(
        scoper({ territory: enterprises.territory }),
        isNull(internalReportingSystems.id),
        inArray(enterprises.industry, industries),
      ),
    )
    .orderBy(asc(enterprises.name))
    .limit(200);
