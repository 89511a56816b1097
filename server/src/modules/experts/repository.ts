import { and, asc, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { territoryCondition } from '../../platform/db/scope.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/schema.ts';
import { enterprises } from '../enterprises/schema.ts';
import { findings, inspections } from '../inspections/schema.ts';
import { expertConflicts, expertDispatches, expertQualifications, experts } from './schema.ts';

// The experts module's SQL: the database, conflicts, qualifications and the dispatches.

export type ExpertRow = typeof experts.$inferSelect;
export type DispatchRow = typeof expertDispatches.$inferSelect;

export const listExperts = (db: Db | Tx, scope: SQL | undefined) =>
  db.select().from(experts).where(scope).orderBy(asc(experts.name)).limit(500);

export const findExpert = async (db: Db | Tx, id: string): Promise<ExpertRow | undefined> =>
  (await db.select().from(experts).where(eq(experts.id, id)))[0];

export const findExpertByUser = async (db: Db | Tx, userId: string): Promise<ExpertRow | undefined> =>
  (await db.select().from(experts).where(eq(experts.userId, userId)))[0];

export const insertExpert = async (tx: Tx, row: typeof experts.$inferInsert): Promise<ExpertRow> =>
  (await tx.insert(experts).values(row).returning())[0]!;

export const updateExpert = (tx: Tx, id: string, fields: Partial<typeof experts.$inferInsert>) =>
  tx.update(experts).set(fields).where(eq(experts.id, id));

export const qualificationsOf = (db: Db | Tx, expertIds: string[]) =>
  expertIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(expertQualifications)
        .where(inArray(expertQualifications.expertId, expertIds))
        .orderBy(asc(expertQualifications.validTo));

export const insertQualification = (tx: Tx, row: typeof expertQualifications.$inferInsert) =>
  tx.insert(expertQualifications).values(row);

export const conflictsOf = (db: Db | Tx, expertIds: string[]) =>
  expertIds.length === 0
    ? Promise.resolve([])
    : db
        .select({
          id: expertConflicts.id,
          expertId: expertConflicts.expertId,
          enterpriseId: expertConflicts.enterpriseId,
          enterpriseName: enterprises.name,
          reason: expertConflicts.reason,
          recordedByName: expertConflicts.recordedByName,
          createdAt: expertConflicts.createdAt,
        })
        .from(expertConflicts)
        .innerJoin(enterprises, eq(enterprises.id, expertConflicts.enterpriseId))
        .where(inArray(expertConflicts.expertId, expertIds))
        .orderBy(asc(enterprises.name));

export const insertConflict = async (tx: Tx, row: typeof expertConflicts.$inferInsert): Promise<boolean> =>
  (await tx.insert(expertConflicts).values(row).onConflictDoNothing().returning({ id: expertConflicts.id }))
    .length > 0;

export const findEnterprise = async (db: Db | Tx, id: string) =>
  (
    await db
      .select({
        id: enterprises.id,
        name: enterprises.name,
        territory: enterprises.territory,
        address: enterprises.address,
      })
      .from(enterprises)
      .where(eq(enterprises.id, id))
  )[0];

export const findUserForExpert = async (db: Db | Tx, id: string) =>
  (
    await db
      .select({ id: users.id, role: users.role, territory: users.territory, active: users.active })
      .from(users)
      .where(eq(users.id, id))
  )[0];

export const findFindingOfInspection = async (db: Db | Tx, findingId: string) =>
  (
    await db
      .select({
        id: findings.id,
        territory: findings.territory,
        description: findings.description,
        majorHiddenDanger: findings.majorHiddenDanger,
        enterpriseId: inspections.enterpriseId,
      })
      .from(findings)
      .innerJoin(inspections, eq(inspections.id, findings.inspectionId))
      .where(eq(findings.id, findingId))
  )[0];

const dispatchColumns = {
  dispatch: expertDispatches,
  expertName: experts.name,
  expertUserId: experts.userId,
  enterpriseAddress: enterprises.address,
  findingDescription: findings.description,
};

export type DispatchView = {
  dispatch: DispatchRow;
  expertName: string | null;
  expertUserId: string | null;
  enterpriseAddress: string;
  findingDescription: string | null;
};

const dispatchQuery = (db: Db | Tx) =>
  db
    .select(dispatchColumns)
    .from(expertDispatches)
    .innerJoin(enterprises, eq(enterprises.id, expertDispatches.enterpriseId))
    .leftJoin(experts, eq(experts.id, expertDispatches.expertId))
    .leftJoin(findings, eq(findings.id, expertDispatches.findingId));

export const listDispatches = (db: Db | Tx, where: SQL | undefined): Promise<DispatchView[]> =>
  dispatchQuery(db).where(where).orderBy(desc(expertDispatches.updatedAt)).limit(300);

export const findDispatch = async (
  db: Db | Tx,
  id: string,
  forUpdate = false,
): Promise<DispatchView | undefined> => {
  const query = dispatchQuery(db).where(eq(expertDispatches.id, id));
  return (await (forUpdate ? query.for('update', { of: expertDispatches }) : query))[0];
};

export const dispatchesOfExpertUser = (userId: string): SQL => eq(experts.userId, userId);
export const dispatchesOfEnterprise = (enterpriseId: string): SQL =>
  eq(expertDispatches.enterpriseId, enterpriseId);

export const insertDispatch = async (
  tx: Tx,
  row: typeof expertDispatches.$inferInsert,
): Promise<DispatchRow> => (await tx.insert(expertDispatches).values(row).returning())[0]!;

export const updateDispatch = (tx: Tx, id: string, fields: Partial<typeof expertDispatches.$inferInsert>) =>
  tx.update(expertDispatches).set(fields).where(eq(expertDispatches.id, id));

// measure 14: the marked hazards of an enterprise's visits (read by the cases module's proposal)
export const visitedDispatchesOfEnterprise = (db: Db | Tx, enterpriseId: string) =>
  db
    .select({ dispatch: expertDispatches, expertName: experts.name })
    .from(expertDispatches)
    .leftJoin(experts, eq(experts.id, expertDispatches.expertId))
    .where(
      and(
        eq(expertDispatches.enterpriseId, enterpriseId),
        inArray(expertDispatches.state, ['visited', 'rated']),
      ),
    );

// The experts an actor may see and dispatch: its territory's, and those of the levels above it.
export const expertsReaching = (territory: string, above: string[]): SQL =>
  or(territoryCondition(territory, experts.territory), inArray(experts.territory, above))!;

// the dispatches made on the findings of one inspection (shown on its page)
export const dispatchesOfInspection = (scope: SQL | undefined, inspectionId: string) =>
  and(scope, eq(findings.inspectionId, inspectionId));

export const dispatchesOfTerritory = (territory: string): SQL =>
  territoryCondition(territory, expertDispatches.territory);
