import calendarJson from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { z } from 'zod';
import type { Ok } from '../shared/result.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { weekdayOf, yearOf } from './iso-day.ts';

// Statutory workdays (法定工作日): Monday to Friday, minus the public holidays, plus the make-up workdays
// (调休上班日) that the State Council's yearly notice (国务院办公厅关于部分节假日安排的通知) sets.
// issue 11 item 12: the tables are per year. The years chinese-days knows are the seed; a legal reviewer
// enters a year from the notice (dates, make-up workdays, the notice's number), and that entry wins. A year
// with no table yet is counted provisionally, weekends only, and every answer names such years
// (`pendingYears`) so the deadline is shown 待国务院公布 and recomputed once the table is entered.
// We read chinese-days' data file rather than call its isWorkday: that function parses 'YYYY-MM-DD' as UTC
// and reads the weekday in local time, so on a machine west of UTC it answers for the day before.
const ZCalendarDataSchema = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
});

export type HolidayTableSource = 'chinese_days' | 'legal_reviewer';

export type HolidayTable = {
  year: number;
  holidays: IsoDate[];
  makeUpWorkdays: IsoDate[];
  // the notice's number, e.g. 国办发明电〔2025〕7号; null for the seed, which does not carry it
  notice: string | null;
  source: HolidayTableSource;
};

const byYear = (dates: string[]): Map<number, IsoDate[]> => {
  const years = new Map<number, IsoDate[]>();
  for (const date of [...dates].sort()) {
    const year = Number(date.slice(0, 4));
    years.set(year, [...(years.get(year) ?? []), date]);
  }
  return years;
};

const seedTables = (): HolidayTable[] => {
  const data = ZCalendarDataSchema.parse(calendarJson);
  const holidays = byYear(Object.keys(data.holidays));
  const makeUp = byYear(Object.keys(data.workdays));
  // Every year of the data has at least New Year's Day; a year with make-up days only is not a table.
  return [...holidays.keys()]
    .sort((a, b) => a - b)
    .map((year) => ({
      year,
      holidays: holidays.get(year) ?? [],
      makeUpWorkdays: makeUp.get(year) ?? [],
      notice: null,
      source: 'chinese_days' as const,
    }));
};

export const seededHolidayTables: readonly HolidayTable[] = seedTables();

type YearDays = { holidays: ReadonlySet<string>; makeUpWorkdays: ReadonlySet<string> };

export type StatutoryCalendar = { readonly years: ReadonlyMap<number, YearDays> };

// Later tables win for the same year: pass the seed first, then what the legal reviewers entered.
export const statutoryCalendar = (tables: readonly HolidayTable[]): StatutoryCalendar => {
  const years = new Map<number, YearDays>();
  for (const table of tables) {
    years.set(table.year, {
      holidays: new Set(table.holidays),
      makeUpWorkdays: new Set(table.makeUpWorkdays),
    });
  }
  return { years };
};

export const seededCalendar: StatutoryCalendar = statutoryCalendar(seededHolidayTables);

export type CalendarErrorCode = 'CALENDAR_INVALID_INPUT';

export type CalendarError = { ok: false; code: CalendarErrorCode; message: string };

// `pendingYears`: the years the answer crossed that have no table yet (counted weekends only).
export type CalendarResult<TValue> = Ok<{ value: TValue; pendingYears: number[] }> | CalendarError;

export const calendarYears = (calendar: StatutoryCalendar = seededCalendar): number[] =>
  [...calendar.years.keys()].sort((a, b) => a - b);

export const isCalendarYearCovered = (year: number, calendar: StatutoryCalendar = seededCalendar): boolean =>
  calendar.years.has(year);

export const invalidInput = (message: string): CalendarError => ({
  ok: false,
  code: 'CALENDAR_INVALID_INPUT',
  message,
});

// What a deadline shows while a year it reaches has no table (issue 11 item 12).
export const PENDING_CALENDAR_LABEL = '待国务院公布';

export const pendingCalendarNote = (years: readonly number[]): string =>
  `${years.join('、')} 年节假日安排${PENDING_CALENDAR_LABEL}，暂按周六、周日休息计算；公布并录入后自动重新计算`;

// A valid date; for a year without a table only weekends are days off (provisional).
export const isStatutoryWorkdayIn = (calendar: StatutoryCalendar, date: IsoDate): boolean => {
  const year = calendar.years.get(yearOf(date));
  if (year?.makeUpWorkdays.has(date)) return true;
  const weekday = weekdayOf(date);
  return weekday >= 1 && weekday <= 5 && !year?.holidays.has(date);
};
