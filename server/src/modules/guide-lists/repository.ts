import { and, asc, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import { territoryCondition } from '../../platform/db/scope.ts';
import { enterprises } from '../enterprises/schema.ts';
import { enterpriseGrades, gradeResults, gradeWithResult } from '../grading/schema.ts';
import { guideListEntries, guideLists } from './schema.ts';

export type ListRow = typeof guideLists.$inferSelect;
export type ListInsert = typeof guideLists.$inferInsert;
export type EntryRow = typeof guideListEntries.$inferSelect;
export type EntryInsert = typeof guideListEntries.$inferInsert;

export const findEntriesOfList = (db: Db | Tx, listId: string) =>
  db
    .select()
    .from(guideListEntries)
    .where(eq(guideListEntries.listId, listId))
    .orderBy(asc(guideListEntries.territory), asc(guideListEntries.name));

export const findGuideListById = async (db: Db | Tx, id: string): Promise<ListRow | undefined> => {
  const [row] = await db.select().from(guideLists).where(eq(guideLists.id, id));
  return row;
};

// Every enterprise the grading classes as key within the territory, with its grade.
export const findKeyGradedEnterprises = (tx: Tx, territory: string) =>
  tx
    .select({ enterprise: enterprises, grade: gradeWithResult })
    .from(enterpriseGrades)
    .innerJoin(gradeResults, eq(gradeResults.digest, enterpriseGrades.digest))
    .innerJoin(enterprises, eq(enterprises.id, enterpriseGrades.enterpriseId))
    .where(and(eq(enterpriseGrades.class, 'key'), territoryCondition(territory, enterprises.territory)));

// Every general enterprise within the territory that unverified key criteria propose for the list.
export const findProposedGradedEnterprises = (tx: Tx, territory: string) =>
  tx
    .select({ enterprise: enterprises, grade: gradeWithResult })
    .from(enterpriseGrades)
    .innerJoin(gradeResults, eq(gradeResults.digest, enterpriseGrades.digest))
    .innerJoin(enterprises, eq(enterprises.id, enterpriseGrades.enterpriseId))
    .where(
      and(
        eq(enterpriseGrades.class, 'general'),
        sql`jsonb_array_length(coalesce(${gradeResults.result}->'keyProposals', '[]'::jsonb)) > 0`,
        territoryCondition(territory, enterprises.territory),
      ),
    );

// Active entries per list, in one query for any number of lists.
export const countActiveEntries = async (db: Db, listIds: string[]): Promise<Map<string, number>> => {
  if (listIds.length === 0) return new Map();
  const rows = await db
    .select({ listId: guideListEntries.listId, n: count() })
    .from(guideListEntries)
    .where(and(inArray(guideListEntries.listId, listIds), eq(guideListEntries.removed, false)))
    .groupBy(guideListEntries.listId);
  return new Map(rows.map((row) => [row.listId, row.n]));
};

export const insertEntries = async (tx: Tx, entries: EntryInsert[]) => {
  for (let i = 0; i < entries.length; i += 500)
    await tx.insert(guideListEntries).values(entries.slice(i, i + 500));
};

export const insertEntry = (tx: Tx, entry: EntryInsert) => tx.insert(guideListEntries).values(entry);

export const deleteEntriesOfList = (tx: Tx, listId: string) =>
  tx.delete(guideListEntries).where(eq(guideListEntries.listId, listId));

export const findEntryOfList = async (
  tx: Tx,
  entryId: string,
  listId: string,
): Promise<EntryRow | undefined> => {
  const [entry] = await tx
    .select()
    .from(guideListEntries)
    .where(and(eq(guideListEntries.id, entryId), eq(guideListEntries.listId, listId)));
  return entry;
};

export const updateEntry = (tx: Tx, entryId: string, values: Partial<EntryInsert>) =>
  tx.update(guideListEntries).set(values).where(eq(guideListEntries.id, entryId));

export const listGuideListRows = (db: Db, scope: SQL | undefined) =>
  db.select().from(guideLists).where(scope).orderBy(desc(guideLists.year));

export const findGuideListOfYear = async (
  tx: Tx,
  year: number,
  territory: string,
): Promise<ListRow | undefined> => {
  const [existing] = await tx
    .select()
    .from(guideLists)
    .where(and(eq(guideLists.year, year), eq(guideLists.territory, territory)));
  return existing;
};

export const insertGuideList = async (tx: Tx, values: ListInsert): Promise<ListRow> => {
  const [list] = await tx.insert(guideLists).values(values).returning();
  return list!;
};

export const updateGuideList = async (tx: Tx, id: string, values: Partial<ListInsert>): Promise<ListRow> => {
  const [updated] = await tx.update(guideLists).set(values).where(eq(guideLists.id, id)).returning();
  return updated!;
};

// The territory's latest list published for a year before this one.
export const findPreviousPublishedList = async (
  db: Db,
  territory: string,
  year: number,
): Promise<ListRow | undefined> => {
  const [previous] = await db
    .select()
    .from(guideLists)
    .where(
      and(eq(guideLists.territory, territory), eq(guideLists.status, 'published'), lt(guideLists.year, year)),
    )
    .orderBy(desc(guideLists.year))
    .limit(1);
  return previous;
};

// An enterprise within the territory, with its grade if it has one.
export const findEnterpriseWithGrade = async (tx: Tx, enterpriseId: string, territory: string) => {
  const [row] = await tx
    .select({ enterprise: enterprises, grade: enterpriseGrades })
    .from(enterprises)
    .leftJoin(enterpriseGrades, eq(enterpriseGrades.enterpriseId, enterprises.id))
    .where(and(eq(enterprises.id, enterpriseId), territoryCondition(territory, enterprises.territory)));
  return row;
};

export const listPublishedGuideLists = (db: Db) =>
  db.select().from(guideLists).where(eq(guideLists.status, 'published')).orderBy(desc(guideLists.year));

export const findPublishedGuideListOfYear = async (db: Db, year: number): Promise<ListRow | undefined> => {
  const [list] = await db
    .select()
    .from(guideLists)
    .where(and(eq(guideLists.year, year), eq(guideLists.status, 'published')))
    .orderBy(asc(guideLists.territory))
    .limit(1);
  return list;
};
