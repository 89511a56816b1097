import { z } from 'zod';

// The bureau's calendar day: dates are reckoned in Asia/Shanghai whatever the server's zone.
export const shanghaiDate = (instant: Date): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);

export const ZDateSchema = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
