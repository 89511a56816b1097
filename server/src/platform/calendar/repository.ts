import { asc } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { holidayTables } from './schema.ts';

export type HolidayTableRow = typeof holidayTables.$inferSelect;

export const listHolidayTableRows = (db: Db | Tx): Promise<HolidayTableRow[]> =>
  db.select().from(holidayTables).orderBy(asc(holidayTables.year));

// One row per year: entering a year again replaces its table (the audit keeps what it was).
export const upsertHolidayTable = async (db: Db | Tx, row: HolidayTableRow): Promise<void> => {
  const { year: _year, ...rest } = row;
  await db.insert(holidayTables).values(row).onConflictDoUpdate({ target: holidayTables.year, set: rest });
};
