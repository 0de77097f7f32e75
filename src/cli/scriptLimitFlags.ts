import { MIN_SCRIPT_MEMORY_MB, MIN_SCRIPT_TIMEOUT_MS } from '../core/scripts/scriptLimitSettings';
import { DEFAULT_SCRIPT_LIMITS } from '../core/scripts/types';
import type { ScriptLimits } from '../core/scripts/types';
import type { CommandArgs } from './parseCommandArgs';
import { wholeNumberFlag } from './parseCommandArgs';

/** `--script-timeout MS` and `--script-memory MB`, shared by `send` and `test`. */
export const SCRIPT_LIMIT_FLAGS = {
  'script-timeout': { type: 'string' },
  'script-memory': { type: 'string' },
} as const;

/** Help lines for the two flags. */
export const SCRIPT_LIMIT_HELP = `      --script-timeout MS  Time limit of each script (default ${DEFAULT_SCRIPT_LIMITS.timeMs}); a script over it fails
      --script-memory MB   Memory limit of each script (default ${DEFAULT_SCRIPT_LIMITS.memoryMb})`;

/** The limits the flags ask for, the defaults for the rest; a UsageError naming a bad value. */
export function scriptLimitsFrom(values: CommandArgs['values'], usage: string): ScriptLimits {
  return {
    ...DEFAULT_SCRIPT_LIMITS,
    timeMs: wholeNumberFlag(values['script-timeout'], '--script-timeout', MIN_SCRIPT_TIMEOUT_MS, usage) ?? DEFAULT_SCRIPT_LIMITS.timeMs,
    memoryMb: wholeNumberFlag(values['script-memory'], '--script-memory', MIN_SCRIPT_MEMORY_MB, usage) ?? DEFAULT_SCRIPT_LIMITS.memoryMb,
  };
}
