import { ZIsoDateSchema } from '../shared/iso-date.ts';
import type { IsoDate } from '../shared/iso-date.ts';

// Calendar arithmetic on 'YYYY-MM-DD' strings through UTC day numbers, so the answer never depends on the
// time zone of the machine that runs it.

const DAY_MS = 86_400_000;

export const isIsoDate = (value: string): value is IsoDate => ZIsoDateSchema.safeParse(value).success;

export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

export const monthOf = (date: IsoDate): number => Number(date.slice(5, 7));

export const dayNumber = (date: IsoDate): number =>
  Date.UTC(yearOf(date), monthOf(date) - 1, Number(date.slice(8, 10))) / DAY_MS;

export const fromDayNumber = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const addDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(dayNumber(date) + days);

// 0 Sunday … 6 Saturday
export const weekdayOf = (date: IsoDate): number => new Date(dayNumber(date) * DAY_MS).getUTCDay();

export const isoDate = (year: number, month: number, day: number): IsoDate =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export const lastDayOfMonth = (year: number, month: number): IsoDate =>
  fromDayNumber(Date.UTC(year, month, 1) / DAY_MS - 1);

export const isMonth = (month: number): boolean => Number.isInteger(month) && month >= 1 && month <= 12;

export const isYear = (year: number): boolean => Number.isInteger(year) && year >= 1000 && year <= 9999;
