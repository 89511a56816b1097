import { seededHolidayTables, statutoryCalendar } from '@inspecta/domain';
import type { HolidayTable, IsoDate, StatutoryCalendar } from '@inspecta/domain';
import type { Db, Tx } from '../db/client.ts';
import { listHolidayTableRows, type HolidayTableRow } from './repository.ts';

// issue 11 item 12: the statutory calendar every deadline is counted by: the seed (chinese-days) and, over
// it, the years legal reviewers entered from the State Council's notices. Read per operation (a few rows),
// so a table entered on one server counts on every server at once.

const tableOf = (row: HolidayTableRow): HolidayTable => ({
  year: row.year,
  holidays: row.holidays as IsoDate[],
  makeUpWorkdays: row.makeUpWorkdays as IsoDate[],
  notice: row.notice,
  source: 'legal_reviewer',
});

export const enteredHolidayTables = async (db: Db | Tx): Promise<HolidayTableRow[]> =>
  listHolidayTableRows(db);

export const loadCalendar = async (db: Db | Tx): Promise<StatutoryCalendar> =>
  statutoryCalendar([...seededHolidayTables, ...(await listHolidayTableRows(db)).map(tableOf)]);
