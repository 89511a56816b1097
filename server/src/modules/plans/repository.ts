import { and, asc, desc, eq, inArray, like, ne, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import { territoryCondition } from '../../platform/db/scope.ts';
import { enterprises } from '../enterprises/schema.ts';
import { enterpriseGrades, gradeResults } from '../grading/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { annualPlans } from './schema.ts';
import { users } from '../../platform/auth/schema.ts';
import type { PlanStatus } from '@inspecta/domain';

// The annual plans, and what a bureau's plan is computed from.

export type AnnualPlanRow = typeof annualPlans.$inferSelect;
export type AnnualPlanInsert = typeof annualPlans.$inferInsert;

export const findAnnualPlanById = async (db: Db | Tx, id: string): Promise<AnnualPlanRow | undefined> => {
  const [row] = await db.select().from(annualPlans).where(eq(annualPlans.id, id));
  return row;
};

// The newest version of a bureau's plan for the year with one of these statuses, if any.
export const findNewestAnnualPlanWithStatus = async (
  db: Db | Tx,
  territory: string,
  year: number,
  statuses: readonly PlanStatus[],
): Promise<AnnualPlanRow | undefined> => {
  const [row] = await db
    .select()
    .from(annualPlans)
    .where(
      and(
        eq(annualPlans.territory, territory),
        eq(annualPlans.year, year),
        inArray(annualPlans.status, statuses),
      ),
    )
    .orderBy(desc(annualPlans.version))
    .limit(1);
  return row;
};

// The newest version of a bureau's plan for the year, whatever its status.
export const findNewestAnnualPlan = async (
  tx: Tx,
  territory: string,
  year: number,
): Promise<AnnualPlanRow | undefined> => {
  const [latest] = await tx
    .select()
    .from(annualPlans)
    .where(and(eq(annualPlans.territory, territory), eq(annualPlans.year, year)))
    .orderBy(desc(annualPlans.version))
    .limit(1);
  return latest;
};

export const findNewestAnnualPlanVersion = async (
  tx: Tx,
  territory: string,
  year: number,
): Promise<{ version: number } | undefined> => {
  const [newest] = await tx
    .select({ version: annualPlans.version })
    .from(annualPlans)
    .where(and(eq(annualPlans.territory, territory), eq(annualPlans.year, year)))
    .orderBy(desc(annualPlans.version))
    .limit(1);
  return newest;
};

export const listAnnualPlanVersions = (db: Db, territory: string, year: number) =>
  db
    .select({ id: annualPlans.id, version: annualPlans.version, status: annualPlans.status })
    .from(annualPlans)
    .where(and(eq(annualPlans.territory, territory), eq(annualPlans.year, year)))
    .orderBy(annualPlans.version);

// Every other published version of the bureau's plan for the year (superseded when this one is published).
export const findOtherPublishedVersions = (tx: Tx, row: AnnualPlanRow) =>
  tx
    .select()
    .from(annualPlans)
    .where(
      and(
        eq(annualPlans.territory, row.territory),
        eq(annualPlans.year, row.year),
        eq(annualPlans.status, 'published'),
        ne(annualPlans.id, row.id),
      ),
    );

export const insertAnnualPlan = async (tx: Tx, values: AnnualPlanInsert): Promise<AnnualPlanRow> => {
  const [row] = await tx.insert(annualPlans).values(values).returning();
  return row!;
};

export const updateAnnualPlan = async (
  tx: Tx,
  id: string,
  values: Partial<AnnualPlanInsert>,
): Promise<AnnualPlanRow> => {
  const [row] = await tx.update(annualPlans).set(values).where(eq(annualPlans.id, id)).returning();
  return row!;
};

export const listAnnualPlanRows = (db: Db, filter: { scope: SQL | undefined; year?: number | undefined }) =>
  db
    .select()
    .from(annualPlans)
    .where(and(filter.scope, filter.year === undefined ? undefined : eq(annualPlans.year, filter.year)))
    .orderBy(desc(annualPlans.year), asc(annualPlans.territory), desc(annualPlans.version));

export const listPublishedAnnualPlanRows = (db: Db) =>
  db
    .select()
    .from(annualPlans)
    .where(eq(annualPlans.status, 'published'))
    .orderBy(desc(annualPlans.year), asc(annualPlans.territory));

// Every version of every plan of the year whose territory starts with the prefix (a city and its counties),
// newest version first.
export const listAnnualPlansOfYearUnder = (db: Db, year: number, prefix: string) =>
  db
    .select()
    .from(annualPlans)
    .where(and(eq(annualPlans.year, year), like(annualPlans.territory, `${prefix}%`)))
    .orderBy(desc(annualPlans.version));

export const listEnterprisesUnder = (db: Db, prefix: string) =>
  db
    .select({ enterpriseId: enterprises.id, territory: enterprises.territory, name: enterprises.name })
    .from(enterprises)
    .where(like(enterprises.territory, `${prefix}%`));

export const findEnterpriseNamesByIds = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: enterprises.id, name: enterprises.name })
        .from(enterprises)
        .where(inArray(enterprises.id, ids));

// Every enterprise of the territory with its stored grading result (null when ungraded).
export const findEnterprisesWithGrades = (tx: Tx, territory: string) =>
  tx
    .select({
      id: enterprises.id,
      name: enterprises.name,
      territory: enterprises.territory,
      result: gradeResults.result,
    })
    .from(enterprises)
    .leftJoin(enterpriseGrades, eq(enterpriseGrades.enterpriseId, enterprises.id))
    .leftJoin(gradeResults, eq(gradeResults.digest, enterpriseGrades.digest))
    .where(territoryCondition(territory, enterprises.territory))
    .orderBy(asc(enterprises.territory), asc(enterprises.name));

export const findBureauName = async (tx: Tx, territory: string): Promise<string | undefined> => {
  const [bureau] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.territory, territory), eq(organisations.kind, 'bureau')))
    .limit(1);
  return bureau?.name;
};

// issue 11 item 12: the plans of a year computed while its holidays were not published (weekends only), not
// superseded, with the active legal reviewers of their territory, who computed them.
export const findCalendarPendingAnnualPlans = (db: Db | Tx, year: number) =>
  db
    .select({
      id: annualPlans.id,
      territory: annualPlans.territory,
      version: annualPlans.version,
      status: annualPlans.status,
      reviewerId: users.id,
    })
    .from(annualPlans)
    .innerJoin(
      users,
      and(
        eq(users.territory, annualPlans.territory),
        eq(users.role, 'legal_reviewer'),
        eq(users.active, true),
      ),
    )
    .where(
      and(
        eq(annualPlans.year, year),
        ne(annualPlans.status, 'superseded'),
        sql`(${annualPlans.document} ->> 'calendarPending') = 'true'`,
      ),
    );
