import { and, asc, desc, eq } from 'drizzle-orm';
import { users } from '../../../platform/auth/schema.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { territoryCondition } from '../../../platform/db/scope.ts';
import { draws } from '../../draws/schema.ts';
import { enterprises } from '../../enterprises/schema.ts';
import { organisations } from '../../organisations/schema.ts';
import { inspections, onsitePlans, planApprovalDelegations } from '../schema.ts';

// The on-site plan's versions, and what drafting one reads of the enterprise, the bureau and the draw.

export type PlanRow = typeof onsitePlans.$inferSelect;
export type PlanInsert = typeof onsitePlans.$inferInsert;

export const findLatestPlan = async (db: Db | Tx, inspectionId: string): Promise<PlanRow | undefined> => {
  const [row] = await db
    .select()
    .from(onsitePlans)
    .where(eq(onsitePlans.inspectionId, inspectionId))
    .orderBy(desc(onsitePlans.version))
    .limit(1);
  return row;
};

export const insertPlan = async (db: Db | Tx, values: PlanInsert): Promise<PlanRow> => {
  const [plan] = await db.insert(onsitePlans).values(values).returning();
  return plan!;
};

export const updatePlan = async (db: Db | Tx, id: string, set: Partial<PlanInsert>): Promise<void> => {
  await db.update(onsitePlans).set(set).where(eq(onsitePlans.id, id));
};

export const findEnterpriseAddress = async (db: Db | Tx, enterpriseId: string) => {
  const [enterprise] = await db
    .select({ address: enterprises.address })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  return enterprise;
};

export const findOrganisationName = async (db: Db | Tx, id: string) => {
  const [subject] = await db
    .select({ id: organisations.id, name: organisations.name, territory: organisations.territory })
    .from(organisations)
    .where(eq(organisations.id, id));
  return subject;
};

export const findDrawStatus = async (db: Db | Tx, drawId: string) => {
  const [draw] = await db
    .select({ id: draws.id, territory: draws.territory, status: draws.status })
    .from(draws)
    .where(eq(draws.id, drawId));
  return draw;
};

export const findPlannedInspectionsOfDraw = (db: Db | Tx, drawId: string) =>
  db
    .select()
    .from(inspections)
    .where(and(eq(inspections.drawId, drawId), eq(inspections.stage, 'planned')));

// measure 11: the delegations of plan approval a bureau head recorded.
export type DelegationRow = typeof planApprovalDelegations.$inferSelect;

export const findDelegationsOf = (db: Db | Tx, delegateId: string): Promise<DelegationRow[]> =>
  db.select().from(planApprovalDelegations).where(eq(planApprovalDelegations.delegateId, delegateId));

// a bureau's delegations are few (a handful of unit heads): the service filters them by territory
export const findAllDelegations = (db: Db | Tx): Promise<DelegationRow[]> =>
  db.select().from(planApprovalDelegations).orderBy(desc(planApprovalDelegations.grantedAt));

export const findDelegation = async (db: Db | Tx, id: string): Promise<DelegationRow | undefined> => {
  const [row] = await db
    .select()
    .from(planApprovalDelegations)
    .where(eq(planApprovalDelegations.id, id))
    .for('update');
  return row;
};

export const insertDelegation = async (
  db: Db | Tx,
  values: typeof planApprovalDelegations.$inferInsert,
): Promise<DelegationRow> => {
  const [row] = await db.insert(planApprovalDelegations).values(values).returning();
  return row!;
};

export const revokeDelegationRow = async (db: Db | Tx, id: string, at: Date): Promise<DelegationRow> => {
  const [row] = await db
    .update(planApprovalDelegations)
    .set({ revokedAt: at })
    .where(eq(planApprovalDelegations.id, id))
    .returning();
  return row!;
};

// The active accounts of a role within a territory (the unit heads a bureau head may delegate to).
export const findActiveUsersOfRole = (db: Db | Tx, role: 'unit_head', scope: string) =>
  db
    .select({ id: users.id, displayName: users.displayName, territory: users.territory })
    .from(users)
    .where(and(eq(users.role, role), eq(users.active, true), territoryCondition(scope, users.territory)))
    .orderBy(asc(users.displayName));

export const findUserForDelegation = async (db: Db | Tx, id: string) => {
  const [row] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      territory: users.territory,
      active: users.active,
    })
    .from(users)
    .where(eq(users.id, id));
  return row;
};
