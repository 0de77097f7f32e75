import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten-core';
import { hostCalls } from './hostCalls';
import { engineFor, retireEngine } from './quickjsEngine';
import { EXIT_SIGNAL, PRELUDE_FILE, SANDBOX_PRELUDE } from './sandboxPrelude';
import { SCRIPT_FILE, failureFrom, positionInStack } from './scriptFailure';
import { DEFAULT_SCRIPT_LIMITS } from './types';
import type { ScriptEnvironment, ScriptFailure, ScriptLimits, ScriptRun, ScriptSource, ScriptTestOutcome } from './types';

/** QuickJS's default built-ins but Proxy and typed arrays: handlers do not use them, and each costs per context. */
const INTRINSICS = { BaseObjects: true, Date: true, Eval: true, StringNormalize: true, RegExp: true, JSON: true, MapSet: true, Promise: true } as const;

interface RawTest {
  name: string;
  stack: string;
  error?: string;
  errorStack?: string;
}

/**
 * Runs one JetBrains script in QuickJS on WebAssembly: a fresh runtime and context with only the script API
 * (no process, require, file system, network or timers), under the time, memory and stack limits. The script's
 * own code runs first, then its `client.test` bodies. Never throws: anything that goes wrong is a `failure`.
 */
export async function runScript(source: ScriptSource, env: ScriptEnvironment, limits: ScriptLimits = DEFAULT_SCRIPT_LIMITS): Promise<ScriptRun> {
  const started = performance.now();
  const logs: string[] = [];
  const run: ScriptRun = { tests: [], logs, ms: 0 };
  let runtime: QuickJSRuntime | undefined;
  let hitLimit = false;
  try {
    runtime = (await engineFor(limits.memoryMb)).newRuntime();
    runtime.setMaxStackSize(limits.stackKb * 1024);
    const deadline = Date.now() + limits.timeMs;
    runtime.setInterruptHandler(() => Date.now() > deadline);
    const context = runtime.newContext({ intrinsics: INTRINSICS });
    try {
      evaluate(context, source, env, limits, run);
    } finally {
      hitLimit = run.failure !== undefined && run.failure.kind !== 'error' && run.failure.kind !== 'syntax';
      safely(() => context.dispose());
    }
  } catch (error) {
    // The engine itself failed (a host-side overflow or a WebAssembly trap): the script's fault, not the host's.
    hitLimit = true;
    const message = error instanceof Error ? error.message : String(error);
    // The deadline can also pass while the API is being set up (a very busy machine): that is the time limit too.
    run.failure = message === 'interrupted'
      ? failureFrom({ name: 'InternalError', message }, source, limits)
      : { kind: 'error', message: `the script engine stopped: ${message}`, position: source.start };
  } finally {
    if (runtime !== undefined) safely(() => runtime?.dispose());
    if (hitLimit) retireEngine(limits.memoryMb);
  }
  run.ms = performance.now() - started;
  return run;
}

function evaluate(context: QuickJSContext, source: ScriptSource, env: ScriptEnvironment, limits: ScriptLimits, run: ScriptRun): void {
  const call = hostCalls(env, run.logs);
  const host = context.newFunction('host', (op, args) => {
    const result = call(context.getString(op), JSON.parse(context.getString(args)) as unknown[]);
    return result === undefined ? context.undefined : context.newString(JSON.stringify(result));
  });
  const prelude = context.unwrapResult(context.evalCode(SANDBOX_PRELUDE, PRELUDE_FILE));
  const runTests = context.unwrapResult(context.callFunction(prelude, context.undefined, host));
  prelude.dispose();
  host.dispose();
  try {
    // Padded so QuickJS's line:col are the file's own.
    const padded = '\n'.repeat(source.start.line) + ' '.repeat(source.start.column) + source.code;
    const result = context.evalCode(padded, SCRIPT_FILE);
    if (result.error) {
      const failure = thrownFailure(context, result.error, source, limits);
      if (failure !== undefined) run.failure = failure;
      if (failure !== undefined && failure.kind !== 'error') return;
    } else {
      result.value.dispose();
    }
    const outcome = context.callFunction(runTests, context.undefined);
    if (outcome.error) {
      run.failure = thrownFailure(context, outcome.error, source, limits);
      return;
    }
    const raw = JSON.parse(context.getString(outcome.value)) as RawTest[];
    outcome.value.dispose();
    run.tests = raw.map((t) => testOutcome(t, source));
  } finally {
    runTests.dispose();
  }
}

/** The failure a thrown value means, or undefined for `client.exit()`. Disposes the handle. */
function thrownFailure(context: QuickJSContext, error: QuickJSHandle, source: ScriptSource, limits: ScriptLimits): ScriptFailure | undefined {
  let dumped: unknown;
  try {
    dumped = context.dump(error);
  } catch {
    dumped = { name: 'InternalError', message: 'out of memory' };
  } finally {
    safely(() => error.dispose());
  }
  if (dumped !== null && typeof dumped === 'object' && (dumped as { message?: unknown }).message === EXIT_SIGNAL) return undefined;
  return failureFrom(dumped, source, limits);
}

function testOutcome(t: RawTest, source: ScriptSource): ScriptTestOutcome {
  const position = positionInStack(t.stack, source) ?? source.start;
  if (t.error === undefined) return { name: t.name, passed: true, position };
  const failurePosition = positionInStack(t.errorStack, source) ?? position;
  const message = t.error.startsWith('AssertionError: ') ? t.error.slice('AssertionError: '.length) : t.error;
  return { name: t.name, passed: false, message, position, failurePosition };
}

function safely(action: () => void): void {
  try {
    action();
  } catch {
    // Disposing after a limit was hit may find the heap in a state QuickJS's checks dislike; the engine is retired.
  }
}
