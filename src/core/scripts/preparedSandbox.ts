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

/** How long collecting a script's outcome may take after its own time ran out (it joins JSON texts). */
const FINISH_MS = 1000;

/** A response body up to this size goes into the sandbox with the script's data; a larger one when it is read. */
const EAGER_BODY_BYTES = 64 * 1024;

/** Why a script could not even start: what `begin` threw (the caller owns it), or data too big for the heap. */
export type ResetFailure = { thrown: QuickJSHandle } | { outOfMemory: true };

/**
 * A QuickJS runtime and context with the script API installed, and the memory image taken right after:
 * `reset` writes the image (static data and heap) back, so every script starts on a runtime and context as
 * they were before any script ran: nothing one script did is reachable from the next (bytes it left past the
 * heap's end or deep in the stack are memory nothing reads before writing it). That costs copying ~100 KB
 * instead of making them (about 0.3 ms a script).
 */
export interface PreparedSandbox {
  readonly memoryMb: number;
  readonly context: QuickJSContext;
  /** The engine's memory and the image taken of it (read by the test that checks the image scan). */
  readonly memory: Uint8Array;
  readonly image: MemoryImage;
  /**
   * Restores the image and readies it for one script: its time limit (a deadline in `Date.now()` time), stack
   * size, and data (`request`, `response`, the globals, variables and environment it may read). Returns why
   * the script cannot start, if it cannot. Everything from here to `complete` or `finish` runs synchronously:
   * scripts never share the image.
   */
  reset(deadline: number, stackBytes: number, env: ScriptEnvironment): ResetFailure | undefined;
  /**
   * Runs the registered `client.test` bodies and collects what the script left; when something stopped the
   * tests (the time limit), that is `stopped` (the caller owns it) and the outcome is `finish`'s.
   */
  complete(): { stopped?: QuickJSHandle; outcome?: SandboxOutcome };
  /** What the script left, collected under a time limit of its own; undefined when even that failed (memory). */
  finish(): SandboxOutcome | undefined;
}

const prepared = new Map<number, Promise<PreparedSandbox>>();
/** The sandbox each promise of `prepared` gave, once it did. */
const ready = new Map<number, PreparedSandbox>();

/** The prepared sandbox of `memoryMb`, made on first use (20-50 ms: the engine, the API and the image). */
export function preparedSandbox(memoryMb: number): Promise<PreparedSandbox> {
  let sandbox = prepared.get(memoryMb);
  if (sandbox === undefined) {
    const making = prepare(memoryMb);
    sandbox = making;
    prepared.set(memoryMb, making);
    making.then((made) => {
      if (prepared.get(memoryMb) === making) ready.set(memoryMb, made);
    }, () => {
      if (prepared.get(memoryMb) === making) prepared.delete(memoryMb);
    });
  }
  return sandbox;
}

/**
 * The current prepared sandbox of `memoryMb`: if the one awaited was retired meanwhile (another script's engine
 * failed while this one waited), the next.
 */
export async function currentSandbox(memoryMb: number): Promise<PreparedSandbox> {
  for (;;) {
    const sandbox = await preparedSandbox(memoryMb);
    if (ready.get(memoryMb) === sandbox) return sandbox;
  }
}

/** Forgets `sandbox` after its engine failed (a trap leaves the engine's own state unknown); a newer one stays. */
export function retirePreparedSandbox(sandbox: PreparedSandbox): void {
  if (ready.get(sandbox.memoryMb) !== sandbox) return;
  ready.delete(sandbox.memoryMb);
  prepared.delete(sandbox.memoryMb);
}

async function prepare(memoryMb: number): Promise<PreparedSandbox> {
  const { module, memory } = await newEngine(memoryMb);
  const runtime: QuickJSRuntime = module.newRuntime();
  let deadline = Number.POSITIVE_INFINITY;
  runtime.setInterruptHandler(() => Date.now() > deadline);
  const imageStackBytes = DEFAULT_SCRIPT_LIMITS.stackKb * 1024;
  runtime.setMaxStackSize(imageStackBytes);
  const context = runtime.newContext({ intrinsics: INTRINSICS });
  let lateBody = '';
  // Held for the engine's life (as begin, complete and finish are): whatever a script deletes, the host function lives.
  const host = context.newFunction('host', (op, args) => {
    const name = context.getString(op);
    if (name === 'body') return newStringThatFits(lateBody);
    const result = hostCall(name, JSON.parse(context.getString(args)) as unknown[]);
    return result === undefined ? context.undefined : newStringThatFits(JSON.stringify(result));
  });
  const make = context.unwrapResult(context.evalCode(SANDBOX_PRELUDE, PRELUDE_FILE));
  const api = context.unwrapResult(context.callFunction(make, context.undefined, host));
  const begin = context.getProp(api, 'begin');
  const complete = context.getProp(api, 'complete');
  const finish = context.getProp(api, 'finish');
  make.dispose();
  api.dispose();
  // Made before the image (quickjs-emscripten keeps it): a handle it keeps that was made after the image would
  // point into a heap the next restore takes back. It also keeps Symbol, Symbol.iterator and BigInt once asked
  // for (newSymbol, getIterator, newBigInt): nothing here asks for them; if that changes, make them here too.
  void context.global;
  const image: MemoryImage = captureImage(memory);
  const last = image.ranges[image.ranges.length - 1];
  const heapRoom = memory.length - (last === undefined ? 0 : last.start + last.bytes.length);
  /**
   * A string made in the sandbox for the host, once it is known to fit: quickjs-emscripten writes a string's
   * UTF-8 into memory it mallocs without checking that it got any (up to three bytes of heap per byte: the
   * UTF-8 copy and QuickJS's own string).
   */
  const fits = (...texts: string[]): boolean => texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0) * 3 <= heapRoom;
  const newStringThatFits = (text: string): QuickJSHandle => {
    // Thrown into the sandbox, where it is the script's "out of memory".
    if (!fits(text)) throw new Error('out of memory');
    return context.newString(text);
  };

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
    memory,
    image,
    reset(until, stackBytes, env) {
      restoreImage(memory, image);
      deadline = until;
      if (stackBytes !== imageStackBytes) runtime.setMaxStackSize(stackBytes);
      const { body, ...response } = env.response ?? { body: '' };
      const dataJson = JSON.stringify({
        kind: env.kind, request: env.request, seed: randomSeed(), ...(env.response !== undefined ? { response } : {}),
        globals: env.globals.entries(), variables: [...env.requestVariables], environment: Object.entries(env.environment),
      });
      const eager = body.length <= EAGER_BODY_BYTES;
      lateBody = eager ? '' : body;
      if (!fits(dataJson, eager ? body : '')) return { outOfMemory: true };
      const data = context.newString(dataJson);
      const text = eager ? context.newString(body) : context.undefined;
      try {
        const thrown = outcome(begin, data, text);
        return thrown === undefined ? undefined : { thrown };
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
