import { and, asc, desc, eq, gt, gte, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { creditRepairApplications, penaltyPublications } from '../schema.ts';
import { seriousDishonestyListings } from './schema.ts';

// issue 15 item 10: published penalty decisions and the applications to repair them.

export type PublicationRow = typeof penaltyPublications.$inferSelect;
export type RepairApplicationRow = typeof creditRepairApplications.$inferSelect;

export const insertPublication = async (tx: Tx, values: typeof penaltyPublications.$inferInsert) => {
  const [row] = await tx.insert(penaltyPublications).values(values).onConflictDoNothing().returning();
  return row;
};

export const findPublicationOfCase = async (db: Db | Tx, caseId: string, lock = false) => {
  const query = db.select().from(penaltyPublications).where(eq(penaltyPublications.caseId, caseId));
  return (lock ? await query.for('update') : await query)[0];
};

export const findPublicationById = async (db: Db | Tx, id: string, lock = false) => {
  const query = db.select().from(penaltyPublications).where(eq(penaltyPublications.id, id));
  return (lock ? await query.for('update') : await query)[0];
};

// What the public reads: not repaired, not past its longest period; newest first.
export const listPublicPublications = (
  db: Db | Tx,
  options: { today: string; territory?: string | undefined; limit: number; offset: number },
) => {
  const where: SQL[] = [
    isNull(penaltyPublications.repairedOn),
    isNull(penaltyPublications.withdrawnOn),
    gte(penaltyPublications.maxUntil, options.today),
  ];
  if (options.territory) where.push(eq(penaltyPublications.territory, options.territory));
  return db
    .select()
    .from(penaltyPublications)
    .where(and(...where))
    .orderBy(desc(penaltyPublications.publishedOn), desc(penaltyPublications.createdAt))
    .limit(options.limit)
    .offset(options.offset);
};

export const listPublicationsOfEnterprise = (db: Db | Tx, enterpriseId: string) =>
  db
    .select()
    .from(penaltyPublications)
    .where(eq(penaltyPublications.enterpriseId, enterpriseId))
    .orderBy(desc(penaltyPublications.publishedOn));

export const setRepaired = (tx: Tx, id: string, repairedOn: string) =>
  tx.update(penaltyPublications).set({ repairedOn }).where(eq(penaltyPublications.id, id));

export const insertRepairApplication = async (tx: Tx, values: typeof creditRepairApplications.$inferInsert) =>
  (await tx.insert(creditRepairApplications).values(values).returning())[0]!;

export const listApplicationsOf = (db: Db | Tx, publicationId: string) =>
  db
    .select()
    .from(creditRepairApplications)
    .where(eq(creditRepairApplications.publicationId, publicationId))
    .orderBy(asc(creditRepairApplications.appliedAt));

export const findApplicationById = async (tx: Tx, id: string) =>
  (
    await tx.select().from(creditRepairApplications).where(eq(creditRepairApplications.id, id)).for('update')
  )[0];

export const updateApplication = (
  tx: Tx,
  id: string,
  set: Partial<typeof creditRepairApplications.$inferInsert>,
) => tx.update(creditRepairApplications).set(set).where(eq(creditRepairApplications.id, id));

// 第四十八条第二款 "公开说明理由": the withdrawals of decisions that would still be public, newest first
export const listPublicWithdrawals = (
  db: Db | Tx,
  options: { today: string; territory?: string | undefined },
) => {
  const where: SQL[] = [
    isNotNull(penaltyPublications.withdrawnOn),
    gte(penaltyPublications.maxUntil, options.today),
  ];
  if (options.territory) where.push(eq(penaltyPublications.territory, options.territory));
  return db
    .select()
    .from(penaltyPublications)
    .where(and(...where))
    .orderBy(desc(penaltyPublications.withdrawnOn))
    .limit(50);
};

export const updatePublication = (
  tx: Tx,
  id: string,
  set: Partial<typeof penaltyPublications.$inferInsert>,
) => tx.update(penaltyPublications).set(set).where(eq(penaltyPublications.id, id));

// 令第11号: the case's listing decision, and the public list
export type ListingRow = typeof seriousDishonestyListings.$inferSelect;

export const findListingOfCase = async (db: Db | Tx, caseId: string, lock = false) => {
  const query = db
    .select()
    .from(seriousDishonestyListings)
    .where(eq(seriousDishonestyListings.caseId, caseId));
  return (lock ? await query.for('update') : await query)[0];
};

export const insertListing = async (tx: Tx, values: typeof seriousDishonestyListings.$inferInsert) =>
  (await tx.insert(seriousDishonestyListings).values(values).returning())[0]!;

export const updateListing = (
  tx: Tx,
  id: string,
  set: Partial<typeof seriousDishonestyListings.$inferInsert>,
) => tx.update(seriousDishonestyListings).set(set).where(eq(seriousDishonestyListings.id, id));

// listed and not past the end, newest first
export const listPublicListings = (
  db: Db | Tx,
  options: { today: string; territory?: string | undefined; limit: number },
) => {
  const where: SQL[] = [
    eq(seriousDishonestyListings.status, 'listed'),
    gt(seriousDishonestyListings.endsOn, options.today),
  ];
  if (options.territory) where.push(eq(seriousDishonestyListings.territory, options.territory));
  return db
    .select()
    .from(seriousDishonestyListings)
    .where(and(...where))
    .orderBy(desc(seriousDishonestyListings.listedOn), asc(seriousDishonestyListings.enterpriseName))
    .limit(options.limit);
};
