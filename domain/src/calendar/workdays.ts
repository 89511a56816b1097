import type { IsoDate } from '../shared/iso-date.ts';
import { ok } from '../shared/result.ts';
import {
  addDays,
  dayNumber,
  isIsoDate,
  isMonth,
  isoDate,
  isYear,
  lastDayOfMonth,
  monthOf,
  yearOf,
} from './iso-day.ts';
import { invalidInput, isStatutoryWorkdayIn, seededCalendar } from './statutory-calendar.ts';
import type { CalendarError, CalendarResult, StatutoryCalendar } from './statutory-calendar.ts';

// Workday arithmetic for deadlines that count 工作日 (DESIGN.md, Time). The calendar is passed in (the seed
// by default; the server passes the seed with the legal reviewers' tables). A year without a table is
// counted weekends only and named in `pendingYears`: a deadline is never refused for want of a table.

const checkDate = (date: IsoDate): CalendarError | null =>
  isIsoDate(date) ? null : invalidInput(`日期格式应为 YYYY-MM-DD：${date}`);

// The years from `fromYear` to `toYear` (inclusive) that the calendar has no table for.
const pendingBetween = (calendar: StatutoryCalendar, fromYear: number, toYear: number): number[] => {
  const pending: number[] = [];
  for (let year = Math.min(fromYear, toYear); year <= Math.max(fromYear, toYear); year += 1) {
    if (!calendar.years.has(year)) pending.push(year);
  }
  return pending;
};

const answer = <T>(value: T, pendingYears: number[]): CalendarResult<T> => ok({ value, pendingYears });

export const isStatutoryWorkday = (
  date: IsoDate,
  calendar: StatutoryCalendar = seededCalendar,
): CalendarResult<boolean> =>
  checkDate(date) ??
  answer(isStatutoryWorkdayIn(calendar, date), pendingBetween(calendar, yearOf(date), yearOf(date)));

// 2025 has 248, as the published annual plans count it (FACTS.md §1).
export const workdaysInYear = (
  year: number,
  calendar: StatutoryCalendar = seededCalendar,
): CalendarResult<number> => {
  if (!isYear(year)) return invalidInput(`年份应为四位整数：${year}`);
  let count = 0;
  for (let date = isoDate(year, 1, 1); yearOf(date) === year; date = addDays(date, 1)) {
    if (isStatutoryWorkdayIn(calendar, date)) count += 1;
  }
  return answer(count, pendingBetween(calendar, year, year));
};

// The n-th workday after `date` (n > 0) or before it (n < 0), not counting `date` itself; n = 0 gives `date`.
export const addWorkdays = (
  date: IsoDate,
  workdays: number,
  calendar: StatutoryCalendar = seededCalendar,
): CalendarResult<IsoDate> => {
  if (!Number.isInteger(workdays)) return invalidInput(`工作日数应为整数：${workdays}`);
  const error = checkDate(date);
  if (error) return error;
  const step = workdays < 0 ? -1 : 1;
  let remaining = Math.abs(workdays);
  let current = date;
  while (remaining > 0) {
    current = addDays(current, step);
    if (isStatutoryWorkdayIn(calendar, current)) remaining -= 1;
  }
  // the days counted are those after `date` up to `current` (or before it, down to `current`)
  const pending =
    workdays === 0 ? [] : pendingBetween(calendar, yearOf(addDays(date, step)), yearOf(current));
  return answer(current, pending);
};

// Signed count of the workdays crossed going from `from` to `to`, counting the day arrived at and not the
// day left: forward, the workdays in (from, to]; backward, minus those in [to, from). So
// workdaysBetween(d, addWorkdays(d, n)) is n for every n.
export const workdaysBetween = (
  from: IsoDate,
  to: IsoDate,
  calendar: StatutoryCalendar = seededCalendar,
): CalendarResult<number> => {
  const error = checkDate(from) ?? checkDate(to);
  if (error) return error;
  const forward = dayNumber(from) <= dayNumber(to);
  const [start, end] = forward ? [addDays(from, 1), to] : [to, addDays(from, -1)];
  if (dayNumber(start) > dayNumber(end)) return answer(0, []);
  let count = 0;
  for (let date = start; dayNumber(date) <= dayNumber(end); date = addDays(date, 1)) {
    if (isStatutoryWorkdayIn(calendar, date)) count += 1;
  }
  return answer(forward ? count : -count, pendingBetween(calendar, yearOf(start), yearOf(end)));
};

export const lastWorkdayOfMonth = (
  year: number,
  month: number,
  calendar: StatutoryCalendar = seededCalendar,
): CalendarResult<IsoDate> => {
  if (!isYear(year) || !isMonth(month)) return invalidInput(`年月无效：${year} 年 ${month} 月`);
  for (let date = lastDayOfMonth(year, month); monthOf(date) === month; date = addDays(date, -1)) {
    if (isStatutoryWorkdayIn(calendar, date)) return answer(date, pendingBetween(calendar, year, year));
  }
  return invalidInput(`${year} 年 ${month} 月没有法定工作日`);
};

// measure 2: units draw up next month's plan "在每月月底前" and lodge it with the supervision unit. We read
// "before the end of month M−1" as "on or before the last workday of month M−1": lodging for the record is
// received by the supervision unit on a workday, and DESIGN.md counts deadlines in workdays. So the plan for
// February 2025 is due 2025-01-27 (the Spring Festival holiday fills the rest of January). The reading is
// marked 待法制审核 in catalog/planning.json (monthlyPlan).
export const monthlyPlanDeadline = (
  year: number,
  month: number,
  calendar: StatutoryCalendar = seededCalendar,
): CalendarResult<IsoDate> => {
  if (!isYear(year) || !isMonth(month)) return invalidInput(`年月无效：${year} 年 ${month} 月`);
  return month === 1
    ? lastWorkdayOfMonth(year - 1, 12, calendar)
    : lastWorkdayOfMonth(year, month - 1, calendar);
};

// The day to remind on: `workdays` workdays before the deadline (issue 4: three).
export const workdaysBefore = (
  deadline: IsoDate,
  workdays: number,
  calendar: StatutoryCalendar = seededCalendar,
): CalendarResult<IsoDate> => {
  if (!Number.isInteger(workdays) || workdays < 0) {
    return invalidInput(`提前的工作日数应为非负整数：${workdays}`);
  }
  return addWorkdays(deadline, -workdays, calendar);
};
