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
import {
  coverageErrorFor,
  invalidInput,
  isCalendarYearCovered,
  isStatutoryWorkdayUnchecked,
  yearNotCovered,
} from './statutory-calendar.ts';
import type { CalendarError, CalendarResult } from './statutory-calendar.ts';

// Workday arithmetic for deadlines that count 工作日 (DESIGN.md, Time). Every function answers a
// CalendarError instead of guessing when a year it needs is not in the holiday tables.

const checkDate = (date: IsoDate): CalendarError | null =>
  isIsoDate(date) ? coverageErrorFor(date) : invalidInput(`日期格式应为 YYYY-MM-DD：${date}`);

const checkYears = (fromYear: number, toYear: number): CalendarError | null => {
  for (let year = fromYear; year <= toYear; year += 1) {
    if (!isCalendarYearCovered(year)) return yearNotCovered(year);
  }
  return null;
};

export const isStatutoryWorkday = (date: IsoDate): CalendarResult<boolean> =>
  checkDate(date) ?? ok({ value: isStatutoryWorkdayUnchecked(date) });

// 2025 has 248, as the published annual plans count it (FACTS.md §1).
export const workdaysInYear = (year: number): CalendarResult<number> => {
  if (!isYear(year)) return invalidInput(`年份应为四位整数：${year}`);
  if (!isCalendarYearCovered(year)) return yearNotCovered(year);
  let count = 0;
  for (let date = isoDate(year, 1, 1); yearOf(date) === year; date = addDays(date, 1)) {
    if (isStatutoryWorkdayUnchecked(date)) count += 1;
  }
  return ok({ value: count });
};

// The n-th workday after `date` (n > 0) or before it (n < 0), not counting `date` itself; n = 0 gives `date`.
export const addWorkdays = (date: IsoDate, workdays: number): CalendarResult<IsoDate> => {
  if (!Number.isInteger(workdays)) return invalidInput(`工作日数应为整数：${workdays}`);
  const error = checkDate(date);
  if (error) return error;
  const step = workdays < 0 ? -1 : 1;
  let remaining = Math.abs(workdays);
  let current = date;
  while (remaining > 0) {
    current = addDays(current, step);
    const coverage = coverageErrorFor(current);
    if (coverage) return coverage;
    if (isStatutoryWorkdayUnchecked(current)) remaining -= 1;
  }
  return ok({ value: current });
};

// Signed count of the workdays crossed going from `from` to `to`, counting the day arrived at and not the
// day left: forward, the workdays in (from, to]; backward, minus those in [to, from). So
// workdaysBetween(d, addWorkdays(d, n)) is n for every n.
export const workdaysBetween = (from: IsoDate, to: IsoDate): CalendarResult<number> => {
  const error = checkDate(from) ?? checkDate(to);
  if (error) return error;
  const forward = dayNumber(from) <= dayNumber(to);
  const [start, end] = forward ? [addDays(from, 1), to] : [to, addDays(from, -1)];
  const years = checkYears(yearOf(start), yearOf(end));
  if (years && dayNumber(start) <= dayNumber(end)) return years;
  let count = 0;
  for (let date = start; dayNumber(date) <= dayNumber(end); date = addDays(date, 1)) {
    if (isStatutoryWorkdayUnchecked(date)) count += 1;
  }
  return ok({ value: forward ? count : -count });
};

export const lastWorkdayOfMonth = (year: number, month: number): CalendarResult<IsoDate> => {
  if (!isYear(year) || !isMonth(month)) return invalidInput(`年月无效：${year} 年 ${month} 月`);
  if (!isCalendarYearCovered(year)) return yearNotCovered(year);
  for (let date = lastDayOfMonth(year, month); monthOf(date) === month; date = addDays(date, -1)) {
    if (isStatutoryWorkdayUnchecked(date)) return ok({ value: date });
  }
  return invalidInput(`${year} 年 ${month} 月没有法定工作日`);
};

// measure 2: units draw up next month's plan "在每月月底前" and lodge it with the supervision unit. We read
// "before the end of month M−1" as "on or before the last workday of month M−1": lodging for the record is
// received by the supervision unit on a workday, and DESIGN.md counts deadlines in workdays. So the plan for
// February 2025 is due 2025-01-27 (the Spring Festival holiday fills the rest of January). The reading is
// marked 待法制审核 in catalog/planning.json (monthlyPlan).
export const monthlyPlanDeadline = (year: number, month: number): CalendarResult<IsoDate> => {
  if (!isYear(year) || !isMonth(month)) return invalidInput(`年月无效：${year} 年 ${month} 月`);
  return month === 1 ? lastWorkdayOfMonth(year - 1, 12) : lastWorkdayOfMonth(year, month - 1);
};

// The day to remind on: `workdays` workdays before the deadline (issue 4: three).
export const workdaysBefore = (deadline: IsoDate, workdays: number): CalendarResult<IsoDate> => {
  if (!Number.isInteger(workdays) || workdays < 0) {
    return invalidInput(`提前的工作日数应为非负整数：${workdays}`);
  }
  return addWorkdays(deadline, -workdays);
};
