import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten-core';
import { captureImage, restoreImage } from './memoryImage';
import type { MemoryImage } from './memoryImage';
import { hostCall } from './hostCalls';
import { newEngine } from './quickjsEngine';
import { PRELUDE_FILE, SANDBOX_PRELUDE } from './sandboxPrelude';
import { DEFAULT_SCRIPT_LIMITS } from './types';
import type { ScriptEnvironment, StoreOp } from './types';

/** QuickJS's default built-ins but Proxy and typed arrays: handlers do not use them. */
const INTRINSICS = { BaseObjects: true, Date: true, Eval: true, StringNormalize: true, RegExp: true, JSON: true, MapSet: true, Promise: true } as const;

/** What a script left in the sandbox: its changes to the stores, its `client.log` lines, its tests as they ran. */
export interface SandboxOutcome {
  ops: StoreOp[];
  logs: string[];
  tests: RawTest[];
}

/** One `client.test` as it ran: where it was registered and, when it failed, what it threw. */
export interface RawTest {
  name: string;
  stack: string;
  error?: string;
  errorStack?: string;
}

/** How long collecting a script's outcome may take after its own time ran out (it is a JSON.stringify). */
const FINISH_MS = 1000;

/**
 * A QuickJS runtime and context with the script API installed, and the memory image taken right after:
 * `reset` writes the image back, so every script starts on a runtime and context bit for bit as they were
 * before any script ran (nothing one script did, not even to the heap, reaches the next), without the cost
 * of making them (about 0.3 ms a script, against copying ~100 KB).
 */
export interface PreparedSandbox {
  readonly memoryMb: number;
  readonly context: QuickJSContext;
  /**
   * Restores the image and readies it for one script: its time limit (a deadline in `Date.now()` time), stack
   * size, and data (`request`, `response`, the globals, variables and environment it may read). Returns what
   * `begin` threw, if anything (the caller owns it). Everything from here to `complete` or `finish` runs
   * synchronously: scripts never share the image.
   */
  reset(deadline: number, stackBytes: number, env: ScriptEnvironment): QuickJSHandle | undefined;
  /**
   * Runs the registered `client.test` bodies and collects what the script left; when something stopped the
   * tests (the time limit), that is `stopped` (the caller owns it) and the outcome is `finish`'s.
   */
  complete(): { stopped?: QuickJSHandle; outcome?: SandboxOutcome };
  /** What the script left, collected under a time limit of its own; undefined when even that failed (memory). */
  finish(): SandboxOutcome | undefined;
}

const prepared = new Map<number, Promise<PreparedSandbox>>();

/** The prepared sandbox of `memoryMb`, made on first use (20-50 ms: the engine, the API and the image). */
export function preparedSandbox(memoryMb: number): Promise<PreparedSandbox> {
  let sandbox = prepared.get(memoryMb);
  if (sandbox === undefined) {
    sandbox = prepare(memoryMb);
    prepared.set(memoryMb, sandbox);
    sandbox.catch(() => prepared.delete(memoryMb));
  }
  return sandbox;
}

/** Forgets the sandbox of `memoryMb` after its engine failed (a trap leaves the engine's own state unknown). */
export function retirePreparedSandbox(memoryMb: number): void {
  prepared.delete(memoryMb);
}

async function prepare(memoryMb: number): Promise<PreparedSandbox> {
  const { module, memory } = await newEngine(memoryMb);
  const runtime: QuickJSRuntime = module.newRuntime();
  let deadline = Number.POSITIVE_INFINITY;
  runtime.setInterruptHandler(() => Date.now() > deadline);
  const imageStackBytes = DEFAULT_SCRIPT_LIMITS.stackKb * 1024;
  runtime.setMaxStackSize(imageStackBytes);
  const context = runtime.newContext({ intrinsics: INTRINSICS });
  // Held for the engine's life (as begin, complete and finish are): whatever a script deletes, the host function lives.
  const host = context.newFunction('host', (op, args) => {
    const result = hostCall(context.getString(op), JSON.parse(context.getString(args)) as unknown[]);
    return result === undefined ? context.undefined : context.newString(JSON.stringify(result));
  });
  const make = context.unwrapResult(context.evalCode(SANDBOX_PRELUDE, PRELUDE_FILE));
  const api = context.unwrapResult(context.callFunction(make, context.undefined, host));
  const begin = context.getProp(api, 'begin');
  const complete = context.getProp(api, 'complete');
  const finish = context.getProp(api, 'finish');
  make.dispose();
  api.dispose();
  // Made before the image (quickjs-emscripten keeps it): a handle made after it would point into a heap the
  // next restore takes back.
  void context.global;
  const image: MemoryImage = captureImage(memory);

  const taken = (json: QuickJSHandle): SandboxOutcome => {
    const text = context.getString(json);
    json.dispose();
    return JSON.parse(text) as SandboxOutcome;
  };
  const collected = (): { outcome?: SandboxOutcome } => {
    deadline = Date.now() + FINISH_MS;
    const result = context.callFunction(finish, context.undefined);
    if (result.error) {
      result.error.dispose();
      return {};
    }
    return { outcome: taken(result.value) };
  };
  const outcome = (fn: QuickJSHandle, ...args: QuickJSHandle[]): QuickJSHandle | undefined => {
    const result = context.callFunction(fn, context.undefined, ...args);
    if (result.error) return result.error;
    result.value.dispose();
    return undefined;
  };
  return {
    memoryMb,
    context,
    reset(until, stackBytes, env) {
      restoreImage(memory, image);
      deadline = until;
      if (stackBytes !== imageStackBytes) runtime.setMaxStackSize(stackBytes);
      const { body, ...response } = env.response ?? { body: '' };
      const data = context.newString(JSON.stringify({
        kind: env.kind, request: env.request, seed: randomSeed(), ...(env.response !== undefined ? { response } : {}),
        globals: env.globals.entries(), variables: [...env.requestVariables], environment: Object.entries(env.environment),
      }));
      const text = context.newString(body);
      try {
        return outcome(begin, data, text);
      } finally {
        data.dispose();
        text.dispose();
      }
    },
    complete() {
      const result = context.callFunction(complete, context.undefined);
      if (result.error) return { stopped: result.error, ...collected() };
      return { outcome: taken(result.value) };
    },
    finish: () => collected().outcome,
  };
}

/** Four random 32-bit numbers for a script's Math.random (from the host's, itself seeded by the system). */
function randomSeed(): number[] {
  return [0, 0, 0, 0].map(() => Math.floor(Math.random() * 0x1_0000_0000));
}
