import { DEFAULT_ENGINE_SETTINGS, MAX_RETRIES } from '../core/runner/types';
import type { CommandArgs } from './parseCommandArgs';
import { wholeNumberFlag } from './parseCommandArgs';
import { UsageError } from './usageError';

/** `--retries N`, shared by `send` and `test`. */
export const RETRIES_FLAG = { retries: { type: 'string' } } as const;

/** Help lines for the flag. */
export const RETRIES_HELP = `      --retries N          Retry a GET, HEAD, PUT, DELETE, OPTIONS or TRACE that got no response or a
                           502/503/504 up to N times (0-${MAX_RETRIES}; default ${DEFAULT_ENGINE_SETTINGS.retries}), waiting ${DEFAULT_ENGINE_SETTINGS.retryBackoffMs} ms, then twice
                           as long each time (or the server's Retry-After); a request's # @retry wins`;

/** The retries `--retries` asks for (undefined when absent); a UsageError naming a bad value. */
export function retriesFrom(values: CommandArgs['values'], usage: string): number | undefined {
  const retries = wholeNumberFlag(values.retries, '--retries', 0, usage);
  if (retries !== undefined && retries > MAX_RETRIES) throw new UsageError(`--retries needs a whole number from 0 to ${MAX_RETRIES}, not '${retries}'`, usage);
  return retries;
}
