import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import { territoryCondition } from '../../platform/db/scope.ts';
import { users } from '../../platform/auth/schema.ts';
import { certificates, officers } from '../officers/schema.ts';
import { penaltyCases } from '../cases/schema.ts';
import {
  selectionNominations,
  selections,
  selectionVotes,
  teamQualifications,
  trainingAttendances,
  trainingCourses,
} from './schema.ts';

// The team module's SQL (measures 25, 26).

export type SelectionRow = typeof selections.$inferSelect;

// Enforcement certificates valid on the day, per territory, of the officers on the roster.
export const certificatesByTerritory = (db: Db, territory: string, today: string) =>
  db
    .select({ territory: officers.territory, n: sql<number>`count(distinct ${officers.id})::int` })
    .from(certificates)
    .innerJoin(officers, eq(officers.id, certificates.officerId))
    .where(
      and(
        territoryCondition(territory, officers.territory),
        eq(officers.onRoster, true),
        eq(certificates.status, 'valid'),
        lte(certificates.validFrom, today),
        gte(certificates.validTo, today),
      ),
    )
    .groupBy(officers.territory);

export const officersByTerritory = (db: Db, territory: string) =>
  db
    .select({ territory: officers.territory, n: sql<number>`count(*)::int` })
    .from(officers)
    .where(and(territoryCondition(territory, officers.territory), eq(officers.onRoster, true)))
    .groupBy(officers.territory);

export const qualificationsByTerritory = (db: Db, territory: string, today: string) =>
  db
    .select({
      territory: teamQualifications.territory,
      kind: teamQualifications.kind,
      n: sql<number>`count(*)::int`,
    })
    .from(teamQualifications)
    .where(
      and(
        territoryCondition(territory, teamQualifications.territory),
        lte(teamQualifications.validFrom, today),
        or(isNull(teamQualifications.validTo), gte(teamQualifications.validTo, today)),
      ),
    )
    .groupBy(teamQualifications.territory, teamQualifications.kind);

export const listQualifications = (db: Db, territory: string) =>
  db
    .select()
    .from(teamQualifications)
    .where(territoryCondition(territory, teamQualifications.territory))
    .orderBy(asc(teamQualifications.kind), asc(teamQualifications.personName))
    .limit(500);

export const insertQualification = async (tx: Tx, row: typeof teamQualifications.$inferInsert) =>
  (await tx.insert(teamQualifications).values(row).returning())[0]!;

export const findOfficer = async (db: Db | Tx, id: string) =>
  (
    await db
      .select({
        id: officers.id,
        name: officers.name,
        territory: officers.territory,
        onRoster: officers.onRoster,
      })
      .from(officers)
      .where(eq(officers.id, id))
  )[0];

export const listOfficers = (db: Db, territory: string) =>
  db
    .select({ id: officers.id, name: officers.name, territory: officers.territory })
    .from(officers)
    .where(and(territoryCondition(territory, officers.territory), eq(officers.onRoster, true)))
    .orderBy(asc(officers.name));

export const listCourses = (db: Db, territory: string) =>
  db
    .select({
      course: trainingCourses,
      attendees: sql<number>`(select count(*)::int from "training_attendances" where "training_attendances"."course_id" = "training_courses"."id")`,
    })
    .from(trainingCourses)
    .where(territoryCondition(territory, trainingCourses.territory))
    .orderBy(desc(trainingCourses.heldOn))
    .limit(300);

export const findCourse = async (db: Db | Tx, id: string) =>
  (await db.select().from(trainingCourses).where(eq(trainingCourses.id, id)))[0];

export const insertCourse = async (tx: Tx, row: typeof trainingCourses.$inferInsert) =>
  (await tx.insert(trainingCourses).values(row).returning())[0]!;

export const insertAttendance = async (
  tx: Tx,
  row: typeof trainingAttendances.$inferInsert,
): Promise<boolean> =>
  (
    await tx
      .insert(trainingAttendances)
      .values(row)
      .onConflictDoNothing()
      .returning({ id: trainingAttendances.courseId })
  ).length > 0;

export const attendeesOf = (db: Db | Tx, courseId: string) =>
  db
    .select({ officerId: officers.id, name: officers.name, recordedAt: trainingAttendances.recordedAt })
    .from(trainingAttendances)
    .innerJoin(officers, eq(officers.id, trainingAttendances.officerId))
    .where(eq(trainingAttendances.courseId, courseId))
    .orderBy(asc(officers.name));

// Every attendance of a year's courses in the scope, for the hours per officer.
export const attendancesOfYear = (db: Db, territory: string, year: number) =>
  db
    .select({
      officerId: officers.id,
      officerName: officers.name,
      territory: officers.territory,
      heldOn: trainingCourses.heldOn,
      hours: trainingCourses.hours,
    })
    .from(trainingAttendances)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingAttendances.courseId))
    .innerJoin(officers, eq(officers.id, trainingAttendances.officerId))
    .where(
      and(
        territoryCondition(territory, officers.territory),
        gte(trainingCourses.heldOn, `${year}-01-01`),
        lte(trainingCourses.heldOn, `${year}-12-31`),
      ),
    );

export const listSelections = (db: Db, territory: string) =>
  db
    .select()
    .from(selections)
    .where(territoryCondition(territory, selections.territory))
    .orderBy(desc(selections.year), desc(selections.createdAt))
    .limit(200);

export const findSelection = async (db: Db | Tx, id: string, forUpdate = false) => {
  const query = db.select().from(selections).where(eq(selections.id, id));
  return (await (forUpdate ? query.for('update') : query))[0];
};

export const insertSelection = async (tx: Tx, row: typeof selections.$inferInsert) =>
  (await tx.insert(selections).values(row).returning())[0]!;

export const updateSelection = (tx: Tx, id: string, fields: Partial<typeof selections.$inferInsert>) =>
  tx.update(selections).set(fields).where(eq(selections.id, id));

export const nominationsOf = (db: Db | Tx, selectionId: string) =>
  db
    .select({
      nomination: selectionNominations,
      caseReference: penaltyCases.reference,
      votes: sql<number>`(select count(*)::int from "selection_votes" where "selection_votes"."nomination_id" = "selection_nominations"."id")`,
    })
    .from(selectionNominations)
    .leftJoin(penaltyCases, eq(penaltyCases.id, selectionNominations.caseId))
    .where(eq(selectionNominations.selectionId, selectionId))
    .orderBy(asc(selectionNominations.createdAt));

export const findNomination = async (db: Db | Tx, id: string) =>
  (await db.select().from(selectionNominations).where(eq(selectionNominations.id, id)))[0];

export const insertNomination = async (tx: Tx, row: typeof selectionNominations.$inferInsert) =>
  (await tx.insert(selectionNominations).values(row).onConflictDoNothing().returning())[0];

export const voteOf = async (db: Db | Tx, selectionId: string, voterId: string) =>
  (
    await db
      .select()
      .from(selectionVotes)
      .where(and(eq(selectionVotes.selectionId, selectionId), eq(selectionVotes.voterId, voterId)))
  )[0];

export const insertVote = async (tx: Tx, row: typeof selectionVotes.$inferInsert): Promise<boolean> =>
  (
    await tx
      .insert(selectionVotes)
      .values(row)
      .onConflictDoNothing()
      .returning({ id: selectionVotes.voterId })
  ).length > 0;

export const votersOf = (db: Db | Tx, selectionId: string) =>
  db
    .select({ n: sql<number>`count(*)::int` })
    .from(selectionVotes)
    .where(eq(selectionVotes.selectionId, selectionId));

export const findStaffUser = async (db: Db | Tx, id: string) =>
  (
    await db
      .select({
        id: users.id,
        displayName: users.displayName,
        territory: users.territory,
        role: users.role,
        active: users.active,
      })
      .from(users)
      .where(eq(users.id, id))
  )[0];

export const listStaffUsers = (db: Db, territory: string) =>
  db
    .select({ id: users.id, displayName: users.displayName, territory: users.territory })
    .from(users)
    .where(
      and(
        territoryCondition(territory, users.territory),
        eq(users.active, true),
        inArray(users.role, ['inspector', 'unit_head', 'bureau_head', 'legal_reviewer']),
      ),
    )
    .orderBy(asc(users.displayName));

export const findCase = async (db: Db | Tx, id: string) =>
  (
    await db
      .select({
        id: penaltyCases.id,
        territory: penaltyCases.territory,
        reference: penaltyCases.reference,
        status: penaltyCases.status,
        enterpriseName: penaltyCases.enterpriseName,
        handlerId: penaltyCases.proposalDraftedBy,
      })
      .from(penaltyCases)
      .where(eq(penaltyCases.id, id))
  )[0];

export const listClosedCases = (db: Db, territory: string) =>
  db
    .select({
      id: penaltyCases.id,
      reference: penaltyCases.reference,
      enterpriseName: penaltyCases.enterpriseName,
    })
    .from(penaltyCases)
    .where(and(territoryCondition(territory, penaltyCases.territory), eq(penaltyCases.status, 'closed')))
    .orderBy(desc(penaltyCases.updatedAt))
    .limit(200);
