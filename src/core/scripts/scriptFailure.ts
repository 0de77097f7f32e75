import { PRELUDE_FILE } from './sandboxPrelude';
import type { ScriptFailure, ScriptLimits, ScriptPosition, ScriptSource } from './types';

/** File name the script is evaluated under; its stack frames are `script:LINE:COL` of the script's own text. */
export const SCRIPT_FILE = 'script';

const FRAME = new RegExp(`(?:\\(|at )${SCRIPT_FILE}:(\\d+):(\\d+)`);

/** The innermost frame of the script itself (not of the API) in a QuickJS stack, as a file position. */
export function positionInStack(stack: unknown, source: ScriptSource): ScriptPosition | undefined {
  if (typeof stack !== 'string') return undefined;
  for (const line of stack.split('\n', 64)) {
    if (line.includes(PRELUDE_FILE)) continue;
    const m = FRAME.exec(line);
    if (m) return inFile(Number(m[1]), Number(m[2]), source);
  }
  return undefined;
}

/** A 1-based line and column of the script's own text (as QuickJS counts) as a 0-based position in its file. */
function inFile(line: number, column: number, source: ScriptSource): ScriptPosition {
  const start = source.start;
  return { file: start.file, line: start.line + line - 1, column: (line === 1 ? start.column : 0) + column - 1 };
}

/** "5 s", "1.5 s", "200 ms". */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}

interface Dumped {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
}

/** Turns what a script threw (as dumped out of QuickJS) into a failure with a kind and a position. */
export function failureFrom(thrown: unknown, source: ScriptSource, limits: ScriptLimits): ScriptFailure {
  const d = (thrown !== null && typeof thrown === 'object' ? thrown : {}) as Dumped;
  const isError = typeof d.message === 'string' && typeof d.name === 'string';
  const start = source.start;
  const at = positionInStack(d.stack, source) ?? start;
  if (isError && d.name === 'InternalError' && d.message === 'interrupted') {
    // An interrupt's frame says 1:1 whatever ran; the script's first line is the honest place.
    return { kind: 'timeout', message: `stopped after ${formatDuration(limits.timeMs)} (the script time limit)`, position: start };
  }
  if (isError && d.message === 'out of memory') {
    return { kind: 'memory', message: `out of memory (the script memory limit is ${limits.memoryMb} MB)`, position: at };
  }
  if (isError && d.message === 'stack overflow') {
    return { kind: 'stack', message: `stack overflow (recursion too deep for the ${limits.stackKb} KB script stack)`, position: at };
  }
  if (isError) return { kind: d.name === 'SyntaxError' ? 'syntax' : 'error', message: `${String(d.name)}: ${String(d.message)}`, position: at };
  return { kind: 'error', message: `threw ${describeThrown(thrown)}`, position: at };
}

function describeThrown(value: unknown): string {
  try {
    const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return String(value);
  }
}

/** `api.http:7:12` (1-based, as editors and terminals show positions). */
export function formatPosition(p: ScriptPosition): string {
  return `${p.file}:${p.line + 1}:${p.column + 1}`;
}
