import { z } from 'zod';

// The bureau's calendar day: dates are reckoned in Asia/Shanghai whatever the server's zone.
export const shanghaiDate = (instant: Date): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);

// Years the bureau's records can hold: PostgreSQL has no year 0000, and a date outside these is a typing
// mistake, never a lawful date (issue 12 item 5).
export const earliestYear = 1900;
export const latestYear = 2199;
const yearInRange = (text: string) => {
  const year = Number(text.slice(0, 4));
  return year >= earliestYear && year <= latestYear;
};
const yearMessage = `年份应在 ${earliestYear} 至 ${latestYear} 年之间`;

export const ZDateSchema = z.iso
  .date({ message: '日期格式应为 YYYY-MM-DD' })
  .refine(yearInRange, { message: yearMessage });

// An instant a device recorded, with its zone.
export const ZDateTimeSchema = z.iso
  .datetime({ offset: true, message: '时间应为带时区的 ISO 8601 格式' })
  .refine(yearInRange, { message: yearMessage });
