import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { UsageError } from './usageError';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What parseArgs gives for a command: flag values and positionals. */
export interface CommandArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/** node:util parseArgs in strict mode; an unknown flag or a missing value becomes a UsageError with `usage`. */
export function parseCommandArgs(args: string[], options: Options, usage: string): CommandArgs {
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: true });
    return { values: values as CommandArgs['values'], positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(message, usage);
  }
}

/** A flag value as a whole number ≥ min; a UsageError naming the flag otherwise. */
export function wholeNumberFlag(value: unknown, flag: string, min: number, usage: string): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`${flag} needs a whole number of at least ${min}, not '${text}'`, usage);
  return Number(text);
}
