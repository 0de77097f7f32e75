import { DEFAULT_SCRIPT_LIMITS } from './types';
import type { ScriptLimits } from './types';

/** Smallest script time limit, in ms (the CLI's `--script-timeout` and the editor's setting alike). */
export const MIN_SCRIPT_TIMEOUT_MS = 1;
/** Smallest script memory, in MB: below it QuickJS cannot even set up the script API. */
export const MIN_SCRIPT_MEMORY_MB = 8;
/** Largest script memory, in MB: a 32-bit WebAssembly memory cannot be much larger. */
export const MAX_SCRIPT_MEMORY_MB = 2048;

/** The raw values of the editor's `httpSession.scripts.*` settings, as VS Code hands them over. */
export interface ScriptLimitValues {
  timeout: unknown;
  memory: unknown;
}

/** The limits to use, and one plain message per setting whose value could not be used (its default is). */
export interface CheckedScriptLimits {
  limits: ScriptLimits;
  problems: string[];
}

/**
 * Script limits from setting values (`section` names them, e.g. `httpSession.scripts`): undefined keeps the
 * default; anything but a whole number in range keeps the default too and gives a message naming the
 * setting, its value and what it takes.
 */
export function checkScriptLimits(values: ScriptLimitValues, section: string): CheckedScriptLimits {
  const problems: string[] = [];
  const pick = (value: unknown, key: string, what: string, min: number, max: number, fallback: number): number => {
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
    problems.push(`The setting ${section}.${key} must be a whole number of ${what}, ${range}; it is ${JSON.stringify(value)}. The default ${fallback} is used.`);
    return fallback;
  };
  const limits: ScriptLimits = {
    ...DEFAULT_SCRIPT_LIMITS,
    timeMs: pick(values.timeout, 'timeout', 'milliseconds', MIN_SCRIPT_TIMEOUT_MS, Number.MAX_SAFE_INTEGER, DEFAULT_SCRIPT_LIMITS.timeMs),
    memoryMb: pick(values.memory, 'memory', 'MB', MIN_SCRIPT_MEMORY_MB, MAX_SCRIPT_MEMORY_MB, DEFAULT_SCRIPT_LIMITS.memoryMb),
  };
  return { limits, problems };
}
