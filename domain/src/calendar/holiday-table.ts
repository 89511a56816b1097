import { isIsoDate, isYear, weekdayOf, yearOf } from './iso-day.ts';
import type { HolidayTable } from './statutory-calendar.ts';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';

// issue 11 item 12: the legal reviewer enters a year's table from the State Council's notice
// (国务院办公厅关于××年部分节假日安排的通知). What we can check without the notice: every date is a real
// date of that year, none is both a holiday and a make-up workday, a make-up workday falls on a Saturday or
// Sunday (that is what 调休上班 means), and the notice's number is given.

export type HolidayTableRefusal = Refusal<'CALENDAR_TABLE_INVALID'>;

const BASIS = '国务院办公厅关于部分节假日安排的通知（每年发布）；《全国年节及纪念日放假办法》';

const refuseTable = (message: string): HolidayTableRefusal =>
  refuse({ code: 'CALENDAR_TABLE_INVALID', measure: 0, basis: BASIS, message });

export type HolidayTableInput = {
  year: number;
  holidays: readonly string[];
  makeUpWorkdays: readonly string[];
  notice: string;
};

export const validateHolidayTable = (
  input: HolidayTableInput,
): Ok<{ table: HolidayTable }> | HolidayTableRefusal => {
  if (!isYear(input.year)) return refuseTable(`年份应为四位整数：${input.year}`);
  const notice = input.notice.trim();
  if (!notice) return refuseTable('请填写国务院办公厅通知的文号');
  for (const date of [...input.holidays, ...input.makeUpWorkdays]) {
    if (!isIsoDate(date)) return refuseTable(`日期格式应为 YYYY-MM-DD：${date}`);
    if (yearOf(date) !== input.year) return refuseTable(`${date} 不在 ${input.year} 年内`);
  }
  const holidays = [...new Set(input.holidays)].sort();
  const makeUpWorkdays = [...new Set(input.makeUpWorkdays)].sort();
  if (holidays.length === 0) return refuseTable('请至少填写一个放假日期');
  const both = holidays.filter((date) => makeUpWorkdays.includes(date));
  if (both.length > 0) return refuseTable(`${both.join('、')} 不能既放假又调休上班`);
  const weekday = makeUpWorkdays.filter((date) => weekdayOf(date) !== 0 && weekdayOf(date) !== 6);
  if (weekday.length > 0) return refuseTable(`调休上班日应为周六或周日：${weekday.join('、')}`);
  return ok({ table: { year: input.year, holidays, makeUpWorkdays, notice, source: 'legal_reviewer' } });
};
