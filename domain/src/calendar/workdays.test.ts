import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber } from './iso-day.ts';
import { calendarYears, seededHolidayTables, statutoryCalendar } from './statutory-calendar.ts';
import type { CalendarResult, HolidayTable } from './statutory-calendar.ts';
import {
  addWorkdays,
  isStatutoryWorkday,
  lastWorkdayOfMonth,
  monthlyPlanDeadline,
  workdaysBefore,
  workdaysBetween,
  workdaysInYear,
} from './workdays.ts';

const value = <T>(result: CalendarResult<T>): T => {
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

describe('statutory workdays (法定工作日)', () => {
  it('2025 has 248 workdays', () => {
    expect(value(workdaysInYear(2025))).toBe(248);
  });

  it('counts 2021 as 250, as the published plans do', () => {
    expect(value(workdaysInYear(2021))).toBe(250);
  });

  it('counts a make-up Sunday as a workday and a holiday Monday as a day off', () => {
    expect(value(isStatutoryWorkday('2025-01-26'))).toBe(true);
    expect(value(isStatutoryWorkday('2025-10-06'))).toBe(false);
    expect(value(isStatutoryWorkday('2025-10-09'))).toBe(true);
    expect(value(isStatutoryWorkday('2025-10-12'))).toBe(false);
  });

  it('counts a year whose holidays are not published weekends only, and names it pending', () => {
    expect(calendarYears()).not.toContain(2027);
    // 2027: 365 days, 104 weekend days
    expect(workdaysInYear(2027)).toEqual({ ok: true, value: 261, pendingYears: [2027] });
    expect(addWorkdays('2026-12-31', 1)).toEqual({ ok: true, value: '2027-01-01', pendingYears: [2027] });
    expect(workdaysBetween('2003-12-01', '2004-01-05')).toMatchObject({ ok: true, pendingYears: [2003] });
    expect(addWorkdays('2026-12-01', 5)).toEqual({ ok: true, value: '2026-12-08', pendingYears: [] });
  });

  it('counts an entered year by its table once the legal reviewer enters it', () => {
    const table2027: HolidayTable = {
      year: 2027,
      holidays: ['2027-01-01', '2027-02-08', '2027-02-09'],
      makeUpWorkdays: ['2027-02-06'],
      notice: '国办发明电〔2026〕99号（测试）',
      source: 'legal_reviewer',
    };
    const calendar = statutoryCalendar([...seededHolidayTables, table2027]);
    expect(addWorkdays('2026-12-31', 1, calendar)).toEqual({
      ok: true,
      value: '2027-01-04',
      pendingYears: [],
    });
    expect(value(isStatutoryWorkday('2027-02-06', calendar))).toBe(true);
    expect(value(workdaysInYear(2027, calendar))).toBe(261 - 3 + 1);
  });

  it('refuses malformed dates and months as input errors', () => {
    expect(isStatutoryWorkday('2025-02-30')).toMatchObject({ ok: false, code: 'CALENDAR_INVALID_INPUT' });
    expect(lastWorkdayOfMonth(2025, 13)).toMatchObject({ ok: false, code: 'CALENDAR_INVALID_INPUT' });
    expect(addWorkdays('2025-01-01', 1.5)).toMatchObject({ ok: false, code: 'CALENDAR_INVALID_INPUT' });
  });
});

describe('counting workdays', () => {
  it('skips the National Day week when adding workdays', () => {
    expect(value(addWorkdays('2025-09-30', 1))).toBe('2025-10-09');
    expect(value(addWorkdays('2025-10-09', -1))).toBe('2025-09-30');
    expect(value(addWorkdays('2025-06-03', 0))).toBe('2025-06-03');
  });

  it('counts workdays between two dates, the arrival day in and the departure day out', () => {
    expect(value(workdaysBetween('2025-09-30', '2025-10-09'))).toBe(1);
    expect(value(workdaysBetween('2025-10-09', '2025-09-30'))).toBe(-1);
    expect(value(workdaysBetween('2024-12-31', '2025-12-31'))).toBe(248);
    expect(value(workdaysBetween('2025-03-03', '2025-03-03'))).toBe(0);
  });

  it('gets back n from the date n workdays away, for any date and n', () => {
    const start = Date.UTC(2004, 0, 1) / 86_400_000;
    const end = Date.UTC(2026, 11, 31) / 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: start + 70, max: end - 70 }),
        fc.integer({ min: -25, max: 25 }),
        (day, n) => {
          const date = fromDayNumber(day);
          const moved = value(addWorkdays(date, n));
          expect(value(workdaysBetween(date, moved))).toBe(n);
          if (n !== 0) expect(value(isStatutoryWorkday(moved))).toBe(true);
        },
      ),
    );
  });

  it('finds the last workday of a month, holidays and make-up days included', () => {
    expect(value(lastWorkdayOfMonth(2025, 1))).toBe('2025-01-27');
    expect(value(lastWorkdayOfMonth(2025, 5))).toBe('2025-05-30');
    expect(value(lastWorkdayOfMonth(2025, 8))).toBe('2025-08-29');
    expect(value(lastWorkdayOfMonth(2025, 9))).toBe('2025-09-30');
  });
});

describe('monthly plan deadline (measure 2)', () => {
  it('makes the plan for a month due on the last workday of the month before', () => {
    expect(value(monthlyPlanDeadline(2025, 2))).toBe('2025-01-27');
    expect(value(monthlyPlanDeadline(2025, 10))).toBe('2025-09-30');
    expect(value(monthlyPlanDeadline(2026, 1))).toBe('2025-12-31');
  });

  it('reminds three workdays before the deadline', () => {
    expect(value(workdaysBefore('2025-10-09', 3))).toBe('2025-09-28');
    expect(value(workdaysBefore('2025-09-30', 3))).toBe('2025-09-26'); // 09-28 is a make-up Sunday
    expect(workdaysBefore('2025-09-30', -1)).toMatchObject({ ok: false, code: 'CALENDAR_INVALID_INPUT' });
  });
});
