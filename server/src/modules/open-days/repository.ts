import { and, asc, desc, eq, inArray, isNotNull, lte, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/schema.ts';
import { inspections } from '../inspections/schema.ts';
import { openDayInspections, openDayParticipants, openDays, openDaySuggestions } from './schema.ts';

// All of the open days' SQL (measure 28).

export type OpenDayRow = typeof openDays.$inferSelect;
export type ParticipantRow = typeof openDayParticipants.$inferSelect;
export type SuggestionRow = typeof openDaySuggestions.$inferSelect;

export const insertOpenDay = async (tx: Tx, values: typeof openDays.$inferInsert) =>
  (await tx.insert(openDays).values(values).returning())[0]!;

export const findOpenDay = async (db: Db | Tx, id: string) =>
  (await db.select().from(openDays).where(eq(openDays.id, id)))[0];

export const listOpenDays = (db: Db | Tx, options: { scope?: SQL | undefined; heldBy?: string }) => {
  const where: SQL[] = [];
  if (options.scope) where.push(options.scope);
  if (options.heldBy) where.push(lte(openDays.heldOn, options.heldBy));
  return db
    .select()
    .from(openDays)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(openDays.heldOn), desc(openDays.createdAt))
    .limit(200);
};

export const openDayColumns = { territory: openDays.territory };

export const insertParticipant = async (tx: Tx, values: typeof openDayParticipants.$inferInsert) =>
  (await tx.insert(openDayParticipants).values(values).returning())[0]!;

export const participantsOf = (db: Db | Tx, openDayIds: string[]) =>
  openDayIds.length === 0
    ? Promise.resolve([] as ParticipantRow[])
    : db
        .select()
        .from(openDayParticipants)
        .where(inArray(openDayParticipants.openDayId, openDayIds))
        .orderBy(asc(openDayParticipants.createdAt));

export const findParticipant = async (db: Db | Tx, openDayId: string, id: string) =>
  (
    await db
      .select()
      .from(openDayParticipants)
      .where(and(eq(openDayParticipants.openDayId, openDayId), eq(openDayParticipants.id, id)))
  )[0];

// the open days an account takes part in
export const openDayIdsOfUser = async (db: Db | Tx, userId: string) =>
  (
    await db
      .select({ openDayId: openDayParticipants.openDayId })
      .from(openDayParticipants)
      .where(eq(openDayParticipants.userId, userId))
  ).map((row) => row.openDayId);

export const findUserByUsername = async (db: Db | Tx, username: string) =>
  (
    await db
      .select({ id: users.id, role: users.role, territory: users.territory, displayName: users.displayName })
      .from(users)
      .where(eq(users.username, username))
  )[0];

export const linkInspection = (tx: Tx, values: typeof openDayInspections.$inferInsert) =>
  tx.insert(openDayInspections).values(values).onConflictDoNothing();

// the inspections observed at these open days, with what an observer reads of each
export const inspectionsOf = (db: Db | Tx, openDayIds: string[]) =>
  openDayIds.length === 0
    ? Promise.resolve([])
    : db
        .select({
          openDayId: openDayInspections.openDayId,
          id: inspections.id,
          territory: inspections.territory,
          enterpriseName: inspections.enterpriseName,
          organisationName: inspections.organisationName,
          plannedOn: inspections.plannedOn,
          matters: inspections.matters,
          stage: inspections.stage,
          completedOn: inspections.completedOn,
          resultSummary: inspections.resultSummary,
        })
        .from(openDayInspections)
        .innerJoin(inspections, eq(inspections.id, openDayInspections.inspectionId))
        .where(inArray(openDayInspections.openDayId, openDayIds))
        .orderBy(asc(inspections.plannedOn));

export const findInspection = async (db: Db | Tx, id: string) =>
  (
    await db
      .select({ id: inspections.id, territory: inspections.territory })
      .from(inspections)
      .where(eq(inspections.id, id))
  )[0];

export const insertSuggestion = async (tx: Tx, values: typeof openDaySuggestions.$inferInsert) =>
  (await tx.insert(openDaySuggestions).values(values).returning())[0]!;

export const suggestionsOf = (db: Db | Tx, openDayIds: string[], answeredOnly = false) =>
  openDayIds.length === 0
    ? Promise.resolve([] as SuggestionRow[])
    : db
        .select()
        .from(openDaySuggestions)
        .where(
          and(
            inArray(openDaySuggestions.openDayId, openDayIds),
            answeredOnly ? isNotNull(openDaySuggestions.answeredAt) : undefined,
          ),
        )
        .orderBy(asc(openDaySuggestions.submittedAt));

export const findSuggestion = async (tx: Tx, openDayId: string, id: string) =>
  (
    await tx
      .select()
      .from(openDaySuggestions)
      .where(and(eq(openDaySuggestions.openDayId, openDayId), eq(openDaySuggestions.id, id)))
      .for('update')
  )[0];

export const answerSuggestion = (tx: Tx, id: string, set: Partial<typeof openDaySuggestions.$inferInsert>) =>
  tx.update(openDaySuggestions).set(set).where(eq(openDaySuggestions.id, id));
