import calendarJson from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { z } from 'zod';
import type { Ok } from '../shared/result.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { weekdayOf, yearOf } from './iso-day.ts';

// Statutory workdays (法定工作日): Monday to Friday, minus the public holidays, plus the make-up workdays
// (调休上班日) that the State Council's yearly notice (国务院办公厅关于部分节假日安排的通知) sets. The holiday
// and make-up tables are chinese-days' (DESIGN.md, calendar). We read its data file rather than call its
// isWorkday: that function parses 'YYYY-MM-DD' as UTC and reads the weekday in local time, so on a machine
// west of UTC it answers for the day before.
const ZCalendarDataSchema = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
});

const calendarData = ZCalendarDataSchema.parse(calendarJson);
const holidays = new Set(Object.keys(calendarData.holidays));
const makeUpWorkdays = new Set(Object.keys(calendarData.workdays));

// Every year of the table has at least New Year's Day; a year without any holiday has not been published
// (or not yet added to chinese-days), so its workdays cannot be known and must not be guessed.
const coveredYears: ReadonlySet<number> = new Set([...holidays].map((date) => Number(date.slice(0, 4))));

export type CalendarErrorCode = 'CALENDAR_YEAR_NOT_COVERED' | 'CALENDAR_INVALID_INPUT';

export type CalendarError = { ok: false; code: CalendarErrorCode; message: string; year?: number };

export type CalendarResult<TValue> = Ok<{ value: TValue }> | CalendarError;

export const calendarYears = (): number[] => [...coveredYears].sort((a, b) => a - b);

export const isCalendarYearCovered = (year: number): boolean => coveredYears.has(year);

export const yearNotCovered = (year: number): CalendarError => {
  const years = calendarYears();
  return {
    ok: false,
    code: 'CALENDAR_YEAR_NOT_COVERED',
    year,
    message:
      `${year} 年的法定节假日安排不在日历数据中（现有 ${years[0]}–${years[years.length - 1]} 年），` +
      '无法计算工作日；请待国务院办公厅公布当年节假日安排并更新 chinese-days 后再试',
  };
};

export const invalidInput = (message: string): CalendarError => ({
  ok: false,
  code: 'CALENDAR_INVALID_INPUT',
  message,
});

// Only for dates whose year is covered; the exported functions check that first.
export const isStatutoryWorkdayUnchecked = (date: IsoDate): boolean => {
  if (makeUpWorkdays.has(date)) return true;
  const weekday = weekdayOf(date);
  return weekday >= 1 && weekday <= 5 && !holidays.has(date);
};

export const coverageErrorFor = (date: IsoDate): CalendarError | null =>
  isCalendarYearCovered(yearOf(date)) ? null : yearNotCovered(yearOf(date));
