import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { engineFor, retireEngine } from './quickjsEngine';
import { installSandboxApi } from './sandboxApi';
import type { RawTest } from './sandboxApi';
import { EXIT_SIGNAL } from './sandboxPrelude';
import { SCRIPT_FILE, failureFrom, positionInStack } from './scriptFailure';
import { DEFAULT_SCRIPT_LIMITS } from './types';
import type { ScriptEnvironment, ScriptFailure, ScriptLimits, ScriptRun, ScriptSource, ScriptTestOutcome } from './types';

/** QuickJS's default built-ins but Proxy and typed arrays: handlers do not use them, and each costs per context. */
const INTRINSICS = { BaseObjects: true, Date: true, Eval: true, StringNormalize: true, RegExp: true, JSON: true, MapSet: true, Promise: true } as const;

/** A fresh QuickJS runtime and context, used by one script only. It may be made before its script arrives. */
export interface FreshSandbox {
  memoryMb: number;
  /** The engine it was made on: a sandbox of a retired engine is not used. */
  engine: Promise<QuickJSWASMModule>;
  runtime: QuickJSRuntime;
  context: QuickJSContext;
}

/** What a script run leaves: its outcome, and the disposal of its sandbox, to do when convenient (after replying). */
export interface FinishedRun {
  run: ScriptRun;
  release(): void;
}

/** A fresh runtime and context on the engine of `memoryMb` (nothing runs in them until a script does). */
export async function freshSandbox(memoryMb: number): Promise<FreshSandbox> {
  const engine = engineFor(memoryMb);
  const runtime = (await engine).newRuntime();
  try {
    return { memoryMb, engine, runtime, context: runtime.newContext({ intrinsics: INTRINSICS }) };
  } catch (error) {
    safely(() => runtime.dispose());
    throw error;
  }
}

/** Whether `sandbox` can still serve a script under `limits` (same memory size, engine not retired since). */
export function sandboxFits(sandbox: FreshSandbox, limits: ScriptLimits): boolean {
  return sandbox.memoryMb === limits.memoryMb && sandbox.engine === engineFor(limits.memoryMb);
}

/**
 * Runs one JetBrains script in QuickJS on WebAssembly: a fresh runtime and context with only the script API
 * (no process, require, file system, network or timers), under the time, memory and stack limits. The script's
 * own code runs first, then its `client.test` bodies. Never throws: anything that goes wrong is a `failure`.
 */
export async function runScript(source: ScriptSource, env: ScriptEnvironment, limits: ScriptLimits = DEFAULT_SCRIPT_LIMITS): Promise<ScriptRun> {
  const finished = await runScriptIn(freshSandbox(limits.memoryMb), source, env, limits);
  finished.release();
  return finished.run;
}

/**
 * `runScript` in a sandbox made beforehand (the worker makes the next one while it waits). The time limit
 * starts here. A limit hit retires the engine at once, so no later sandbox is made on its heap.
 */
export async function runScriptIn(sandbox: Promise<FreshSandbox>, source: ScriptSource, env: ScriptEnvironment, limits: ScriptLimits): Promise<FinishedRun> {
  const started = performance.now();
  const run: ScriptRun = { tests: [], logs: [], ms: 0 };
  let made: FreshSandbox | undefined;
  let hitLimit = false;
  try {
    made = await sandbox;
    made.runtime.setMaxStackSize(limits.stackKb * 1024);
    const deadline = Date.now() + limits.timeMs;
    made.runtime.setInterruptHandler(() => Date.now() > deadline);
    const ranOutOfMemory = evaluate(made.context, source, env, limits, run);
    hitLimit = ranOutOfMemory || (run.failure !== undefined && run.failure.kind !== 'error' && run.failure.kind !== 'syntax');
  } catch (error) {
    // The engine itself failed (a host-side overflow or a WebAssembly trap): the script's fault, not the host's.
    hitLimit = true;
    const message = error instanceof Error ? error.message : String(error);
    // The deadline can also pass while the API is being set up (a very busy machine): that is the time limit too.
    run.failure = message === 'interrupted'
      ? failureFrom({ name: 'InternalError', message }, source, limits)
      : { kind: 'error', message: `the script engine stopped: ${message}`, position: source.start };
  }
  if (hitLimit) retireEngine(limits.memoryMb);
  run.ms = performance.now() - started;
  const used = made;
  return {
    run,
    release: () => {
      if (used === undefined) return;
      safely(() => used.context.dispose());
      safely(() => used.runtime.dispose());
    },
  };
}

/** Runs the script and its tests in `context`; true when a test ran out of memory (the engine should go). */
function evaluate(context: QuickJSContext, source: ScriptSource, env: ScriptEnvironment, limits: ScriptLimits, run: ScriptRun): boolean {
  const api = installSandboxApi(context, env, run.logs);
  try {
    // Not padded to the file's line and column (QuickJS would parse thousands of newlines for a script low in a
    // long file): positionInStack adds the script's start to what QuickJS reports.
    const result = context.evalCode(source.code, SCRIPT_FILE);
    if (result.error) {
      const failure = api.isExit(result.error) ? (result.error.dispose(), undefined) : thrownFailure(context, result.error, source, limits);
      if (failure !== undefined) run.failure = failure;
      if (failure !== undefined && failure.kind !== 'error') return false;
    } else {
      result.value.dispose();
    }
    const outcome = api.runTests();
    run.tests = outcome.tests.map((t) => testOutcome(t, source));
    if (outcome.stopped !== undefined) run.failure = thrownFailure(context, outcome.stopped, source, limits);
    return api.ranOutOfMemory;
  } finally {
    api.dispose();
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
