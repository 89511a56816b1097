import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { serverNow } from './server-clock';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

// Times are stored in UTC and always shown in Beijing time, wherever the browser is.
export const ZONE = 'Asia/Shanghai';

export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).tz(ZONE).format('YYYY-MM-DD HH:mm:ss') : '—';

export const formatDate = (date: string | null | undefined): string => (date ? date.slice(0, 10) : '—');

// by the server's clock (server-clock.ts), in Beijing
export const todayInZone = (): string => dayjs(serverNow()).tz(ZONE).format('YYYY-MM-DD');

// Today in Beijing as a date-picker value, whatever the browser's zone.
export const todayPickerValue = (): dayjs.Dayjs => dayjs(todayInZone());

export const toIsoDate = (value: dayjs.Dayjs): string => value.format('YYYY-MM-DD');

export const shortHash = (hash: string | null | undefined): string => (hash ? `${hash.slice(0, 10)}…` : '—');
