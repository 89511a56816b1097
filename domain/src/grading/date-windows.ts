import type { IsoDate } from '../shared/iso-date.ts';
import type { SeasonPeriod } from './grading-catalog-schema.ts';

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

// The same day N months earlier, clamped to the month's last day (2024-02-29 minus 12 months is 2023-02-28).
export const monthsBefore = (date: IsoDate, months: number): IsoDate => {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const index = year * 12 + (month - 1) - months;
  const toYear = Math.floor(index / 12);
  const toMonth = index - toYear * 12 + 1;
  return `${pad(toYear, 4)}-${pad(toMonth)}-${pad(Math.min(day, daysInMonth(toYear, toMonth)))}`;
};

// "In the last N months" of a date: after the same day N months earlier, up to and including the date.
export const isWithinMonths = (recordDate: IsoDate, cutoff: IsoDate, date: IsoDate): boolean =>
  recordDate > cutoff && recordDate <= date;

// 上年度: the previous calendar year; with toDate, through the grading date of the current year.
export const previousYearRange = (date: IsoDate, toDate: boolean): { from: IsoDate; to: IsoDate } => {
  const previous = pad(Number(date.slice(0, 4)) - 1, 4);
  return { from: `${previous}-01-01`, to: toDate ? date : `${previous}-12-31` };
};

// Both ends inclusive; an annual period whose end comes before its start runs over the new year.
export const isInSeasonPeriod = (period: SeasonPeriod, date: IsoDate): boolean => {
  if (period.kind === 'dated') return period.from <= date && date <= period.to;
  const monthDay = date.slice(5);
  return period.from <= period.to
    ? period.from <= monthDay && monthDay <= period.to
    : monthDay >= period.from || monthDay <= period.to;
};
