import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/schema.ts';
import { enterprises } from '../enterprises/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { monthlyPlans } from './schema.ts';

export type MonthlyPlanRow = typeof monthlyPlans.$inferSelect;
export type MonthlyPlanInsert = typeof monthlyPlans.$inferInsert;

export const findMonthlyPlanById = async (db: Db | Tx, id: string): Promise<MonthlyPlanRow | undefined> => {
  const [row] = await db.select().from(monthlyPlans).where(eq(monthlyPlans.id, id));
  return row;
};

// The unit's plan for the month, if it has one.
export const findMonthlyPlanOfUnit = async (
  tx: Tx,
  key: { territory: string; unitName: string; year: number; month: number },
): Promise<{ id: string } | undefined> => {
  const [existing] = await tx
    .select({ id: monthlyPlans.id })
    .from(monthlyPlans)
    .where(
      and(
        eq(monthlyPlans.territory, key.territory),
        eq(monthlyPlans.unitName, key.unitName),
        eq(monthlyPlans.year, key.year),
        eq(monthlyPlans.month, key.month),
      ),
    );
  return existing;
};

export const insertMonthlyPlan = async (tx: Tx, values: MonthlyPlanInsert): Promise<MonthlyPlanRow> => {
  const [row] = await tx.insert(monthlyPlans).values(values).returning();
  return row!;
};

export const updateMonthlyPlan = async (
  tx: Tx,
  id: string,
  values: Partial<MonthlyPlanInsert>,
): Promise<MonthlyPlanRow> => {
  const [row] = await tx.update(monthlyPlans).set(values).where(eq(monthlyPlans.id, id)).returning();
  return row!;
};

export const listMonthlyPlanRows = (
  db: Db,
  filter: { scope: SQL | undefined; year?: number | undefined; month?: number | undefined },
) =>
  db
    .select()
    .from(monthlyPlans)
    .where(
      and(
        filter.scope,
        filter.year === undefined ? undefined : eq(monthlyPlans.year, filter.year),
        filter.month === undefined ? undefined : eq(monthlyPlans.month, filter.month),
      ),
    )
    .orderBy(
      desc(monthlyPlans.year),
      desc(monthlyPlans.month),
      asc(monthlyPlans.territory),
      asc(monthlyPlans.unitName),
    );

// The monthly plans of these years that list the enterprise.
export const findMonthlyPlansListing = (db: Db, years: number[], enterpriseId: string) =>
  db
    .select()
    .from(monthlyPlans)
    .where(
      and(
        inArray(monthlyPlans.year, years),
        sql`${monthlyPlans.enterpriseIds} @> ${JSON.stringify([enterpriseId])}::jsonb`,
      ),
    );

export const findUnitName = async (tx: Tx, organisationId: string): Promise<string | undefined> => {
  const [unit] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return unit?.name;
};

export const findBureauTerritories = (db: Db) =>
  db
    .select({ territory: organisations.territory })
    .from(organisations)
    .where(eq(organisations.kind, 'bureau'));

export const findTerritoriesThatSubmitted = (db: Db, year: number, month: number) =>
  db
    .select({ territory: monthlyPlans.territory })
    .from(monthlyPlans)
    .where(
      and(
        eq(monthlyPlans.year, year),
        eq(monthlyPlans.month, month),
        inArray(monthlyPlans.status, ['submitted', 'filed']),
      ),
    );

// The active unit heads and legal reviewers of these territories.
export const findMonthlyPlanReminderRecipients = (db: Db, territories: string[]) =>
  db
    .select({ id: users.id, territory: users.territory })
    .from(users)
    .where(
      and(
        inArray(users.territory, territories),
        inArray(users.role, ['unit_head', 'legal_reviewer']),
        eq(users.active, true),
      ),
    );

export const findEnterpriseTerritory = async (
  db: Db,
  enterpriseId: string,
): Promise<{ id: string; territory: string } | undefined> => {
  const [enterprise] = await db
    .select({ id: enterprises.id, territory: enterprises.territory })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  return enterprise;
};
