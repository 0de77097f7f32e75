import dayjs from 'dayjs';
import advancedFormat from 'dayjs/plugin/advancedFormat';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(advancedFormat);

/** Offset units of `$timestamp`/`$datetime` (REST Client): y, M, w, d, h, m, s, ms. */
export const OFFSET_UNITS = new Set(['y', 'M', 'w', 'd', 'h', 'm', 's', 'ms']);

const UNIT_MS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** The date moved by `amount` of `unit` (calendar-aware for y and M; in local time when `local`). */
export function shiftDate(date: Date, amount: number, unit: string, local: boolean): Date {
  const shifted = new Date(date.getTime());
  if (unit === 'y') {
    if (local) shifted.setFullYear(shifted.getFullYear() + amount);
    else shifted.setUTCFullYear(shifted.getUTCFullYear() + amount);
  } else if (unit === 'M') {
    if (local) shifted.setMonth(shifted.getMonth() + amount);
    else shifted.setUTCMonth(shifted.getUTCMonth() + amount);
  } else {
    shifted.setTime(shifted.getTime() + amount * UNIT_MS[unit]);
  }
  return shifted;
}

/**
 * Formats a date as `iso8601`, `rfc1123`, or a Day.js display format (REST Client formats with Day.js:
 * YYYY MM DD HH mm ss SSS Z …, `[literal]`, and the advancedFormat tokens Q Do k kk X x), in UTC or, when
 * `local`, in the machine's time zone with its offset.
 */
export function formatDatetime(date: Date, format: string, local: boolean): string {
  if (format === 'iso8601') return local ? dayjs(date).format('YYYY-MM-DDTHH:mm:ss.SSSZ') : date.toISOString();
  if (format === 'rfc1123') return local ? dayjs(date).format('ddd, DD MMM YYYY HH:mm:ss ZZ') : date.toUTCString();
  return (local ? dayjs(date) : dayjs.utc(date)).format(format);
}
