const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TOKENS = /\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|A|a|ZZ|Z|X|x/g;

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
 * Formats a date as `iso8601`, `rfc1123`, or a dayjs-style pattern (YYYY MM DD HH mm ss SSS Z …,
 * `[literal]`), in UTC or, when `local`, in the machine's time zone with its offset.
 */
export function formatDatetime(date: Date, format: string, local: boolean): string {
  if (format === 'iso8601') return local ? formatPattern(date, 'YYYY-MM-DDTHH:mm:ss.SSSZ', true) : date.toISOString();
  if (format === 'rfc1123') return local ? formatPattern(date, 'ddd, DD MMM YYYY HH:mm:ss ZZ', true) : date.toUTCString();
  return formatPattern(date, format, local);
}

function formatPattern(date: Date, pattern: string, local: boolean): string {
  const part = local
    ? { y: date.getFullYear(), mo: date.getMonth(), d: date.getDate(), wd: date.getDay(), h: date.getHours(), mi: date.getMinutes(), s: date.getSeconds() }
    : { y: date.getUTCFullYear(), mo: date.getUTCMonth(), d: date.getUTCDate(), wd: date.getUTCDay(), h: date.getUTCHours(), mi: date.getUTCMinutes(), s: date.getUTCSeconds() };
  const offsetMin = local ? -date.getTimezoneOffset() : 0;
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const zone = (sep: string): string =>
    `${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMin) / 60))}${sep}${pad(Math.abs(offsetMin) % 60)}`;
  return pattern.replace(TOKENS, (token: string, literal?: string) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case 'YYYY': return pad(part.y, 4);
      case 'YY': return pad(part.y % 100);
      case 'MMMM': return MONTHS[part.mo];
      case 'MMM': return MONTHS[part.mo].slice(0, 3);
      case 'MM': return pad(part.mo + 1);
      case 'M': return String(part.mo + 1);
      case 'DD': return pad(part.d);
      case 'D': return String(part.d);
      case 'dddd': return DAYS[part.wd];
      case 'ddd': return DAYS[part.wd].slice(0, 3);
      case 'HH': return pad(part.h);
      case 'H': return String(part.h);
      case 'hh': return pad(part.h % 12 || 12);
      case 'h': return String(part.h % 12 || 12);
      case 'mm': return pad(part.mi);
      case 'm': return String(part.mi);
      case 'ss': return pad(part.s);
      case 's': return String(part.s);
      case 'SSS': return pad(date.getUTCMilliseconds(), 3);
      case 'A': return part.h < 12 ? 'AM' : 'PM';
      case 'a': return part.h < 12 ? 'am' : 'pm';
      case 'ZZ': return zone('');
      case 'Z': return zone(':');
      case 'X': return String(Math.floor(date.getTime() / 1000));
      default: return String(date.getTime());
    }
  });
}
