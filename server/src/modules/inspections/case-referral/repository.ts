import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import type { CaseReferralStatus } from '@inspecta/domain';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { caseReferrals, findings } from '../schema.ts';

// measure 15: the 移交立案审查 items of major hidden dangers.

export type CaseReferralRow = typeof caseReferrals.$inferSelect;

export const insertCaseReferral = async (
  tx: Tx,
  values: typeof caseReferrals.$inferInsert,
): Promise<CaseReferralRow> => {
  // one item per finding: a replayed conclusion finds it there
  const [row] = await tx.insert(caseReferrals).values(values).onConflictDoNothing().returning();
  if (row) return row;
  const [existing] = await tx
    .select()
    .from(caseReferrals)
    .where(eq(caseReferrals.findingId, values.findingId));
  return existing!;
};

export const countOpenCaseReferrals = async (db: Db | Tx, inspectionId: string): Promise<number> => {
  const [row] = await db
    .select({ n: count() })
    .from(caseReferrals)
    .where(and(eq(caseReferrals.inspectionId, inspectionId), eq(caseReferrals.status, 'open')));
  return row?.n ?? 0;
};

export const findCaseReferralById = async (
  db: Db | Tx,
  id: string,
  lock = false,
): Promise<CaseReferralRow | undefined> => {
  const query = db.select().from(caseReferrals).where(eq(caseReferrals.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
};

export const listCaseReferralRows = async (
  db: Db | Tx,
  filter: { scope: SQL | undefined; status?: CaseReferralStatus; inspectionId?: string },
  paging: { page: number; pageSize: number },
) => {
  const conditions: (SQL | undefined)[] = [filter.scope];
  if (filter.status) conditions.push(eq(caseReferrals.status, filter.status));
  if (filter.inspectionId) conditions.push(eq(caseReferrals.inspectionId, filter.inspectionId));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(caseReferrals)
      .where(where)
      // open items first, oldest first: what waits longest is settled first
      .orderBy(desc(eq(caseReferrals.status, 'open')), asc(caseReferrals.openedAt), asc(caseReferrals.id))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    db.select({ n: count() }).from(caseReferrals).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
};

export const updateCaseReferral = async (
  tx: Tx,
  id: string,
  set: Partial<typeof caseReferrals.$inferInsert>,
): Promise<CaseReferralRow> => {
  const [row] = await tx.update(caseReferrals).set(set).where(eq(caseReferrals.id, id)).returning();
  return row!;
};

// who found the finding a 移交立案审查 item is about (measure 14), for the case it opens
export const findFindingSource = async (db: Db | Tx, findingId: string) => {
  const [row] = await db
    .select({ foundBy: findings.foundBy })
    .from(findings)
    .where(eq(findings.id, findingId));
  return row?.foundBy;
};
