// All of the demo seed's SQL: the seed decides what to create, this file writes it.
import { and, asc, count, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/client.ts';
import { users } from '../platform/auth/schema.ts';
import { organisations } from '../modules/organisations/schema.ts';
import { certificates, officers } from '../modules/officers/schema.ts';
import { enterprises } from '../modules/enterprises/schema.ts';
import { enterpriseFacts, enterpriseGrades, gradeResults } from '../modules/grading/schema.ts';
import { findings, inspections } from '../modules/inspections/schema.ts';
import { enforcementComplaints } from '../modules/supervision/schema.ts';
import { monitoringPoints, monitoringSources } from '../modules/monitoring/schema.ts';
import {
  expertConflicts,
  expertDispatches,
  expertQualifications,
  experts,
} from '../modules/experts/schema.ts';
import {
  selectionNominations,
  selections,
  teamQualifications,
  trainingAttendances,
  trainingCourses,
} from '../modules/team/schema.ts';

export type NewOrganisation = typeof organisations.$inferInsert;
export type NewUser = typeof users.$inferInsert;
export type NewOfficer = typeof officers.$inferInsert;
export type NewCertificate = typeof certificates.$inferInsert;
export type NewEnterprise = typeof enterprises.$inferInsert;
export type NewEnterpriseFact = typeof enterpriseFacts.$inferInsert;
export type NewInspection = typeof inspections.$inferInsert;

export const countOrganisations = async (db: Db): Promise<number> => {
  const [existing] = await db.select({ n: count() }).from(organisations);
  return existing?.n ?? 0;
};

export const insertOrganisation = async (tx: Tx, values: NewOrganisation): Promise<string> => {
  const [row] = await tx.insert(organisations).values(values).returning({ id: organisations.id });
  return row!.id;
};

export const insertUser = async (tx: Tx, values: NewUser): Promise<void> => {
  await tx.insert(users).values(values);
};

export const insertOfficer = async (tx: Tx, values: NewOfficer): Promise<string> => {
  const [officer] = await tx.insert(officers).values(values).returning({ id: officers.id });
  return officer!.id;
};

export const insertCertificate = async (tx: Tx, values: NewCertificate): Promise<void> => {
  await tx.insert(certificates).values(values);
};

export const insertEnterprises = async (tx: Tx, rows: NewEnterprise[]): Promise<string[]> => {
  const inserted = await tx.insert(enterprises).values(rows).returning({ id: enterprises.id });
  return inserted.map((row) => row.id);
};

export const enterpriseLocations = (tx: Tx) =>
  tx
    .select({ id: enterprises.id, territory: enterprises.territory, industry: enterprises.industry })
    .from(enterprises);

export const insertEnterpriseFacts = async (tx: Tx, facts: NewEnterpriseFact[]): Promise<void> => {
  await tx.insert(enterpriseFacts).values(facts);
};

export const departmentsOf = (tx: Tx) =>
  tx.select().from(organisations).where(eq(organisations.kind, 'department'));

export const generalRiskGrades = async (db: Db, territory: string): Promise<string[]> => {
  const present = await db
    .selectDistinct({ grade: enterpriseGrades.riskGrade })
    .from(enterpriseGrades)
    .where(and(eq(enterpriseGrades.territory, territory), eq(enterpriseGrades.class, 'general')));
  return present.map((row) => row.grade);
};

export const departmentOfType = async (
  db: Db,
  departmentType: string,
): Promise<{ id: string } | undefined> => {
  const [department] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.departmentType, departmentType));
  return department;
};

export const organisationsOutsideUnits = (db: Db) =>
  db.select().from(organisations).where(ne(organisations.kind, 'internal_unit'));

export const enterpriseUsersEnterprise = async (db: Db): Promise<string | null> => {
  const [portal] = await db
    .select({ enterpriseId: users.enterpriseId })
    .from(users)
    .where(and(eq(users.role, 'enterprise'), isNotNull(users.enterpriseId)));
  return portal?.enterpriseId ?? null;
};

export const gradedEnterprises = (db: Db) =>
  db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      creditCode: enterprises.creditCode,
      territory: enterprises.territory,
      cap: sql<number | null>`(${gradeResults.result}->'allowance'->>'cap')::int`,
    })
    .from(enterprises)
    .innerJoin(enterpriseGrades, eq(enterpriseGrades.enterpriseId, enterprises.id))
    .innerJoin(gradeResults, eq(gradeResults.digest, enterpriseGrades.digest))
    .orderBy(asc(enterprises.creditCode));

export const insertInspections = async (tx: Tx, values: NewInspection[]): Promise<void> => {
  await tx.insert(inspections).values(values);
};

// issue 16: the demo's monitoring sources and points
export const insertMonitoringSource = async (
  tx: Tx,
  values: typeof monitoringSources.$inferInsert,
): Promise<typeof monitoringSources.$inferSelect> =>
  (await tx.insert(monitoringSources).values(values).returning())[0]!;

export const insertMonitoringPoints = async (tx: Tx, values: (typeof monitoringPoints.$inferInsert)[]) => {
  await tx.insert(monitoringPoints).values(values);
};

export const enterprisesOfTerritory = (db: Db, territory: string, limit: number) =>
  db
    .select({ id: enterprises.id, creditCode: enterprises.creditCode, territory: enterprises.territory })
    .from(enterprises)
    .where(eq(enterprises.territory, territory))
    .orderBy(asc(enterprises.creditCode))
    .limit(limit);

// issue 13 item 8: a territory's enterprises that nobody has inspected yet, for the demo story's visits
export const enterprisesWithoutInspections = (db: Db, territory: string, limit: number) =>
  db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(
      and(
        eq(enterprises.territory, territory),
        sql`not exists (select 1 from ${inspections} where ${inspections.enterpriseId} = ${enterprises.id})`,
      ),
    )
    .orderBy(asc(enterprises.creditCode))
    .limit(limit);

export const insertStoryUsers = async (
  db: Db,
  accounts: { username: string; displayName: string; enterpriseId: string; territory: string }[],
  passwordHash: string,
): Promise<void> => {
  await db
    .insert(users)
    .values(accounts.map((account) => ({ ...account, passwordHash, role: 'enterprise' as const })));
};

export const enterprisesByCreditCode = (db: Db) =>
  db
    .select({ id: enterprises.id, territory: enterprises.territory })
    .from(enterprises)
    .orderBy(asc(enterprises.creditCode));

export const placeEnterprises = async (
  tx: Tx,
  places: readonly { id: string; latitude: number; longitude: number }[],
) => {
  for (const place of places)
    await tx
      .update(enterprises)
      .set({ latitude: place.latitude, longitude: place.longitude })
      .where(eq(enterprises.id, place.id));
};

// issue 17 items 4, 5: the open day, the published decision of an individual business and the annual reports
export const concludedInspectionOf = async (db: Db, territory: string) =>
  (
    await db
      .select({ id: inspections.id, enterpriseId: inspections.enterpriseId })
      .from(inspections)
      .where(
        and(
          eq(inspections.territory, territory),
          isNotNull(inspections.completedOn),
          sql`${inspections.departmentType} is null`,
        ),
      )
      .orderBy(asc(inspections.plannedOn))
      .limit(1)
  )[0];

export const userIdOf = async (db: Db, username: string) =>
  (await db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]?.id;

export const bureauRowOf = async (db: Db, territory: string) =>
  (
    await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.territory, territory), eq(organisations.kind, 'bureau')))
  )[0];

// issue 17 item 9: a past year's visits with their findings, so the supervision page has outliers on both sides
export const insertInspectionsReturning = async (tx: Tx, values: NewInspection[]) =>
  tx.insert(inspections).values(values).returning({ id: inspections.id, territory: inspections.territory });

export const insertFindings = async (tx: Tx, values: (typeof findings.$inferInsert)[]) => {
  if (values.length > 0) await tx.insert(findings).values(values);
};

export const officersWithCertificates = (db: Db, territory: string, limit: number) =>
  db
    .select({ id: officers.id, name: officers.name, certificate: certificates.number })
    .from(officers)
    .innerJoin(certificates, eq(certificates.officerId, officers.id))
    .where(and(eq(officers.territory, territory), eq(officers.onRoster, true)))
    .orderBy(asc(officers.name), asc(certificates.number))
    .limit(limit);

export const enterprisesOfTerritoryDesc = (db: Db, territory: string, limit: number) =>
  db
    .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode })
    .from(enterprises)
    .where(
      and(
        eq(enterprises.territory, territory),
        sql`not exists (select 1 from ${inspections} where ${inspections.enterpriseId} = ${enterprises.id})`,
      ),
    )
    .orderBy(sql`${enterprises.creditCode} desc`)
    .limit(limit);

export const insertComplaints = async (tx: Tx, values: (typeof enforcementComplaints.$inferInsert)[]) => {
  if (values.length > 0) await tx.insert(enforcementComplaints).values(values);
};
// issue 17 items 6 and 7: the expert database, a dispatch or two, and a little of the team's records
export const insertDemoExpert = async (tx: Tx, values: typeof experts.$inferInsert): Promise<string> =>
  (await tx.insert(experts).values(values).returning({ id: experts.id }))[0]!.id;
export const insertDemoExpertQualifications = (
  tx: Tx,
  values: (typeof expertQualifications.$inferInsert)[],
) => tx.insert(expertQualifications).values(values);
export const insertDemoExpertConflict = (tx: Tx, values: typeof expertConflicts.$inferInsert) =>
  tx.insert(expertConflicts).values(values);
export const insertDemoDispatches = (tx: Tx, values: (typeof expertDispatches.$inferInsert)[]) =>
  tx.insert(expertDispatches).values(values);
export const userByName = async (db: Db | Tx, username: string) =>
  (
    await db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(eq(users.username, username))
  )[0];
export const enterpriseNames = (db: Db | Tx, territory: string, limit: number) =>
  db
    .select({ id: enterprises.id, name: enterprises.name, territory: enterprises.territory })
    .from(enterprises)
    .where(eq(enterprises.territory, territory))
    .orderBy(asc(enterprises.creditCode))
    .limit(limit);
export const officersOfTerritory = (db: Db | Tx, territory: string, limit: number) =>
  db
    .select({ id: officers.id, name: officers.name, territory: officers.territory })
    .from(officers)
    .where(eq(officers.territory, territory))
    .orderBy(asc(officers.name))
    .limit(limit);
export const insertDemoTeamQualifications = (tx: Tx, values: (typeof teamQualifications.$inferInsert)[]) =>
  tx.insert(teamQualifications).values(values);
export const insertDemoCourse = async (
  tx: Tx,
  values: typeof trainingCourses.$inferInsert,
): Promise<string> =>
  (await tx.insert(trainingCourses).values(values).returning({ id: trainingCourses.id }))[0]!.id;
export const insertDemoAttendances = (tx: Tx, values: (typeof trainingAttendances.$inferInsert)[]) =>
  tx.insert(trainingAttendances).values(values);
export const insertDemoSelection = async (tx: Tx, values: typeof selections.$inferInsert): Promise<string> =>
  (await tx.insert(selections).values(values).returning({ id: selections.id }))[0]!.id;
export const insertDemoNominations = (tx: Tx, values: (typeof selectionNominations.$inferInsert)[]) =>
  tx.insert(selectionNominations).values(values);
