import { z } from 'zod';

// Dates in the domain are calendar dates 'YYYY-MM-DD' passed in by the caller; the domain never reads the clock.
export const ZIsoDateSchema = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });

export type IsoDate = z.infer<typeof ZIsoDateSchema>;

// Valid 'YYYY-MM-DD' strings order lexicographically exactly as the dates they name.
export const isBefore = (date: IsoDate, other: IsoDate): boolean => date < other;

export const isAfter = (date: IsoDate, other: IsoDate): boolean => date > other;

// Both ends inclusive: a certificate or entrustment valid "to 2025-12-31" still holds on that day.
export const isWithinDateRange = (date: IsoDate, from: IsoDate, to: IsoDate): boolean =>
  !isBefore(date, from) && !isAfter(date, to);
