import { randomUUID } from 'node:crypto';
import { HttpSessionError } from '../errors';
import { OFFSET_UNITS, formatDatetime, shiftDate } from './formatDatetime';

/** Where a dynamic variable is used, for error messages. */
export interface UseSite {
  file?: string;
  /** 0-based line. */
  line: number;
}

/** Splits `$name arg "quoted arg" …` into words; quotes (single or double) group words. */
export function splitArguments(expression: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let match = pattern.exec(expression); match; match = pattern.exec(expression)) {
    words.push(match[1] ?? match[2] ?? match[3]);
  }
  return words;
}

/**
 * Value of a clock/random built-in (`$guid`, `$uuid`, `$randomUUID`, `$timestamp`, `$isoTimestamp`,
 * `$randomInt`, `$datetime`, `$localDatetime`), or undefined when `name` is none of them.
 */
export function dynamicVariable(name: string, args: string[], site: UseSite, now: () => Date = () => new Date()): string | undefined {
  switch (name) {
    case '$guid':
    case '$uuid':
    case '$randomUUID':
      return randomUUID();
    case '$isoTimestamp':
      return now().toISOString();
    case '$timestamp':
      return String(Math.floor(withOffset(now(), args, 0, name, site, false).getTime() / 1000));
    case '$randomInt':
      return randomInt(args, site);
    case '$datetime':
    case '$localDatetime': {
      const local = name === '$localDatetime';
      const format = args[0];
      if (!format) throw usage(name, `needs a format: iso8601, rfc1123 or a pattern such as "YYYY-MM-DD"`, site);
      return formatDatetime(withOffset(now(), args, 1, name, site, local), format, local);
    }
    default:
      return undefined;
  }
}

function withOffset(date: Date, args: string[], from: number, name: string, site: UseSite, local: boolean): Date {
  if (args.length === from) return date;
  const [amountText, unit] = args.slice(from);
  const amount = Number(amountText);
  if (args.length !== from + 2 || !Number.isInteger(amount) || !OFFSET_UNITS.has(unit)) {
    throw usage(name, `takes an offset as a whole number and a unit (y, M, w, d, h, m, s, ms), e.g. "-1 d"`, site);
  }
  return shiftDate(date, amount, unit, local);
}

function randomInt(args: string[], site: UseSite): string {
  const [min, max] = args.length === 0 ? [0, 1000] : args.map(Number);
  if (args.length !== 0 && (args.length !== 2 || !Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min >= max)) {
    throw usage('$randomInt', 'needs two whole numbers MIN MAX with MIN < MAX (MIN included, MAX excluded)', site);
  }
  return String(min + Math.floor(Math.random() * (max - min)));
}

function usage(name: string, what: string, site: UseSite): HttpSessionError {
  return new HttpSessionError('UNRESOLVED_VARIABLE', `{{${name}}} on line ${site.line + 1} ${what}`, { file: site.file, line: site.line });
}
