import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';
import { currentSandbox, retirePreparedSandbox } from './preparedSandbox';
import type { PreparedSandbox, RawTest, SandboxOutcome } from './preparedSandbox';
import { EXIT_SIGNAL } from './sandboxPrelude';
import { applyOps } from './scriptJob';
import { SCRIPT_FILE, failureFrom, positionInStack } from './scriptFailure';
import { DEFAULT_SCRIPT_LIMITS } from './types';
import type { ScriptEnvironment, ScriptFailure, ScriptLimits, ScriptRun, ScriptSource, ScriptTestOutcome } from './types';

/**
 * Runs one JetBrains script in QuickJS on WebAssembly: a runtime and context as fresh as new ones, with only
 * the script API (no process, require, file system, network or timers), under the time, memory and stack
 * limits. The script's own code runs first, then its `client.test` bodies. Never throws: anything that goes
 * wrong is a `failure`. The time limit starts once the engine is ready (the first script of a process makes it).
 */
export async function runScript(source: ScriptSource, env: ScriptEnvironment, limits: ScriptLimits = DEFAULT_SCRIPT_LIMITS): Promise<ScriptRun> {
  const run: ScriptRun = { tests: [], logs: [], ms: 0 };
  let started = performance.now();
  let sandbox: PreparedSandbox | undefined;
  try {
    sandbox = await currentSandbox(limits.memoryMb);
    started = performance.now();
    evaluate(sandbox, source, env, limits, run);
  } catch (error) {
    // The engine itself failed (a host-side overflow or a WebAssembly trap): the script's fault, not the host's.
    if (sandbox !== undefined) retirePreparedSandbox(sandbox);
    const message = error instanceof Error ? error.message : String(error);
    run.failure = message === 'interrupted'
      ? failureFrom({ name: 'InternalError', message }, source, limits)
      : { kind: 'error', message: `the script engine stopped: ${message}`, position: source.start };
  }
  run.ms = performance.now() - started;
  return run;
}

/** What QuickJS throws when its heap is full, as dumped. */
const OUT_OF_MEMORY = { name: 'InternalError', message: 'out of memory' };

/** Runs the script and its tests in the prepared sandbox, from its image, then takes what they left. */
function evaluate(sandbox: PreparedSandbox, source: ScriptSource, env: ScriptEnvironment, limits: ScriptLimits, run: ScriptRun): void {
  const { context } = sandbox;
  const cannotStart = sandbox.reset(Date.now() + limits.timeMs, limits.stackKb * 1024, env);
  if (cannotStart !== undefined) {
    run.failure = 'thrown' in cannotStart ? thrownFailure(context, cannotStart.thrown, source, limits) : failureFrom(OUT_OF_MEMORY, source, limits);
    return;
  }
  // Not padded to the file's line and column (QuickJS would parse thousands of newlines for a script low in a
  // long file): positionInStack adds the script's start to what QuickJS reports.
  const result = context.evalCode(source.code, SCRIPT_FILE);
  let ranToEnd = true;
  if (result.error) {
    const failure = thrownFailure(context, result.error, source, limits);
    if (failure !== undefined) run.failure = failure;
    // A limit hit ends the script: its tests do not run.
    ranToEnd = failure === undefined || failure.kind === 'error';
  } else {
    result.value.dispose();
  }
  const { stopped, outcome } = ranToEnd ? sandbox.complete() : { outcome: sandbox.finish() };
  if (stopped !== undefined) run.failure = thrownFailure(context, stopped, source, limits);
  if (outcome !== undefined) take(outcome, env, source, run);
}

/** Applies a script's changes to the host's stores, in order, and keeps its logs and tests. */
function take(outcome: SandboxOutcome, env: ScriptEnvironment, source: ScriptSource, run: ScriptRun): void {
  applyOps(outcome.ops, env);
  run.logs.push(...outcome.logs);
  run.tests = outcome.tests.map((t: RawTest) => testOutcome(t, source));
}

/** The failure a thrown value means, or undefined for `client.exit()`. Disposes the handle. */
function thrownFailure(context: QuickJSContext, error: QuickJSHandle, source: ScriptSource, limits: ScriptLimits): ScriptFailure | undefined {
  let dumped: unknown;
  try {
    dumped = context.dump(error);
  } catch {
    dumped = OUT_OF_MEMORY;
  } finally {
    // dump() has already disposed a thrown promise.
    if (error.alive) error.dispose();
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
