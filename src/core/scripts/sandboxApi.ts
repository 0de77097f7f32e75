import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';
import { API_CHUNKS } from './apiChunks';
import { hostCalls } from './hostCalls';
import { EXIT_SIGNAL, KIT_SOURCE, PRELUDE_FILE } from './sandboxPrelude';
import type { ScriptEnvironment } from './types';

/** One `client.test` as it ran: where it was registered and, when it failed, what it threw. */
export interface RawTest {
  name: string;
  stack: string;
  error?: string;
  errorStack?: string;
}

/** The script API installed in one context. */
export interface SandboxApi {
  /** Whether `error` is what `client.exit()` threw. */
  isExit(error: QuickJSHandle): boolean;
  /**
   * Runs the registered `client.test` bodies in order (JetBrains order: after the script's own code). An error
   * no test may catch (the time limit) or a failure while describing a failure stops the run: it comes back
   * as `stopped`, owned by the caller.
   */
  runTests(): { tests: RawTest[]; stopped?: QuickJSHandle };
  /** Set once a test ran out of memory: the engine's heap is suspect. */
  readonly ranOutOfMemory: boolean;
  /** Frees every handle the API holds (before the context is disposed). */
  dispose(): void;
}

/** The chunk (see apiChunks.ts) that defines each of the rarely used globals. */
const CHUNK_GLOBALS: Record<string, keyof typeof API_CHUNKS> = {
  request: 'request', crypto: 'crypto', $random: 'random', Window: 'window', atob: 'window', btoa: 'window', jsonPath: 'jsonPath',
};

/**
 * Installs the JetBrains script API into `context`, built from host functions rather than JavaScript source:
 * QuickJS compiles source at about 0.1 ms per KB, which made compiling the API most of a script's cost. Each
 * global is made only when the script first reads it; `client` and `response` (what almost every handler
 * uses) are host objects, the rarely used rest are the JavaScript chunks of apiChunks.ts over a small kit.
 * Values the script passes in are converted with the context's own `String` and `JSON.stringify`, as the
 * JavaScript version did; nothing of the host is reachable from the sandbox.
 */
export function installSandboxApi(context: QuickJSContext, env: ScriptEnvironment, logs: string[]): SandboxApi {
  const owned: QuickJSHandle[] = [];
  const keep = (h: QuickJSHandle): QuickJSHandle => {
    owned.push(h);
    return h;
  };
  const memo = (get: () => QuickJSHandle): (() => QuickJSHandle) => {
    let h: QuickJSHandle | undefined;
    return () => (h ??= keep(get()));
  };
  const builtin = (path: string): (() => QuickJSHandle) => memo(() => {
    const [first, second] = path.split('.') as [string, string | undefined];
    const top = context.getProp(context.global, first);
    if (second === undefined) return top;
    const member = context.getProp(top, second);
    top.dispose();
    return member;
  });
  const StringFn = builtin('String');
  const stringify = builtin('JSON.stringify');
  const parse = builtin('JSON.parse');
  const freeze = builtin('Object.freeze');
  const ErrorFn = builtin('Error');

  /** Calls a sandbox function; a throw is re-thrown into the sandbox from the host function calling this. */
  const call = (fn: QuickJSHandle, ...args: QuickJSHandle[]): QuickJSHandle => {
    const result = context.callFunction(fn, context.undefined, ...args);
    if (result.error) throw result.error;
    return result.value;
  };
  const text = (h: QuickJSHandle): string => {
    if (context.typeof(h) === 'string') return context.getString(h);
    const s = call(StringFn(), h);
    try {
      return context.getString(s);
    } finally {
      s.dispose();
    }
  };
  /** JavaScript's `str` of the API: strings as they are, undefined as "undefined", else JSON (undefined for a function). */
  const str = (h: QuickJSHandle): string | undefined => {
    const type = context.typeof(h);
    if (type === 'string') return context.getString(h);
    if (type === 'undefined') return 'undefined';
    const json = call(stringify(), h);
    try {
      return context.typeof(json) === 'string' ? context.getString(json) : undefined;
    } finally {
      json.dispose();
    }
  };
  const truthy = (h: QuickJSHandle | undefined): boolean => {
    if (h === undefined) return false;
    switch (context.typeof(h)) {
      case 'undefined': return false;
      case 'boolean': return context.dump(h) === true;
      case 'number': { const n = context.getNumber(h); return n !== 0 && !Number.isNaN(n); }
      case 'string': return context.getString(h) !== '';
      case 'bigint': return context.getBigInt(h) !== 0n;
      case 'object': return !context.eq(h, context.null);
      default: return true;
    }
  };
  const orNull = (v: string | undefined): QuickJSHandle => (v === undefined ? context.null : context.newString(v));
  /** A host function; arguments the script left out are undefined here. */
  type Impl = (...args: (QuickJSHandle | undefined)[]) => QuickJSHandle | undefined | void;
  const fn = (name: string, impl: Impl): QuickJSHandle => context.newFunction(name, (...args) => (impl(...args) as QuickJSHandle | undefined) ?? context.undefined);
  /** A frozen object of `props` (each handle is consumed). */
  const frozen = (props: Record<string, QuickJSHandle>): QuickJSHandle => {
    const o = context.newObject();
    for (const [key, value] of Object.entries(props)) {
      context.setProp(o, key, value);
      value.dispose();
    }
    call(freeze(), o).dispose();
    return o;
  };
  /** An Error made inside the sandbox here, so its stack holds the script's frames. */
  const sandboxError = (message?: string): QuickJSHandle => {
    if (message === undefined) return call(ErrorFn());
    const m = context.newString(message);
    try {
      return call(ErrorFn(), m);
    } finally {
      m.dispose();
    }
  };

  const tests: { name: string; fn: QuickJSHandle; stack: string }[] = [];
  let exitSignal: QuickJSHandle | undefined;
  let ranOutOfMemory = false;

  const buildClient = (): QuickJSHandle => {
    const g = env.globals;
    const global = frozen({
      set: fn('set', (name, value) => {
        const n = text(name ?? context.undefined);
        // As JSON carried it: a value JSON.stringify cannot show became null, then "null".
        g.set(n, str(value ?? context.undefined) ?? 'null');
      }),
      get: fn('get', (name) => orNull(g.get(text(name ?? context.undefined)))),
      isEmpty: fn('isEmpty', () => (g.size() === 0 ? context.true : context.false)),
      clear: fn('clear', (name) => void g.delete(text(name ?? context.undefined))),
      clearAll: fn('clearAll', () => void g.clear()),
    });
    return frozen({
      global,
      test: fn('test', (name, body) => {
        const n = text(name ?? context.undefined);
        const error = sandboxError();
        const stack = context.getProp(error, 'stack');
        error.dispose();
        tests.push({ name: n, fn: keep((body ?? context.undefined).dup()), stack: context.typeof(stack) === 'string' ? context.getString(stack) : '' });
        stack.dispose();
      }),
      assert: fn('assert', (condition, message) => {
        if (truthy(condition)) return undefined;
        const e = sandboxError(message === undefined || context.typeof(message) === 'undefined' ? 'Assertion failed' : text(message));
        const name = context.newString('AssertionError');
        context.setProp(e, 'name', name);
        name.dispose();
        throw e;
      }),
      log: fn('log', (...values) => {
        logs.push(values.map((v) => str(v ?? context.undefined) ?? '').join(' '));
      }),
      exit: fn('exit', () => {
        exitSignal ??= keep(frozen({ message: context.newString(EXIT_SIGNAL) }));
        throw exitSignal.dup();
      }),
    });
  };

  const buildResponse = (): QuickJSHandle => {
    const r = env.response;
    if (r === undefined) return context.undefined;
    const lower = (h: QuickJSHandle | undefined): string => text(h ?? context.undefined).toLowerCase();
    const json = /^application\/json$|\+json$/.test(r.mimeType);
    const body = memo(() => {
      const raw = context.newString(r.body);
      if (!json) return raw;
      const parsed = context.callFunction(parse(), context.undefined, raw);
      if (parsed.error) {
        parsed.error.dispose();
        return raw;
      }
      raw.dispose();
      return parsed.value;
    });
    const response = context.newObject();
    const props = {
      status: context.newNumber(r.status),
      headers: frozen({
        valueOf: fn('valueOf', (name) => {
          const n = lower(name);
          return orNull(r.headers.find(([k]) => k.toLowerCase() === n)?.[1]);
        }),
        valuesOf: fn('valuesOf', (name) => {
          const n = lower(name);
          const list = context.newArray();
          r.headers.filter(([k]) => k.toLowerCase() === n).forEach(([, v], i) => {
            const s = context.newString(v);
            context.setProp(list, i, s);
            s.dispose();
          });
          return list;
        }),
      }),
      contentType: frozen({ mimeType: context.newString(r.mimeType), charset: context.newString(r.charset) }),
    };
    context.setProp(response, 'status', props.status);
    // The body is parsed when first read (a handler that reads only the status never pays for a big one).
    context.defineProp(response, 'body', { enumerable: true, get: () => body().dup() });
    for (const key of ['headers', 'contentType'] as const) context.setProp(response, key, props[key]);
    for (const h of Object.values(props)) h.dispose();
    call(freeze(), response).dispose();
    return response;
  };

  const kit = memo(() => {
    const hostCall = hostCalls(env, logs);
    const host = context.newFunction('host', (op, args) => {
      const result = hostCall(context.getString(op), JSON.parse(context.getString(args)) as unknown[]);
      return result === undefined ? context.undefined : context.newString(JSON.stringify(result));
    });
    const data = context.newString(JSON.stringify({ kind: env.kind, request: env.request }));
    const make = context.unwrapResult(context.evalCode(KIT_SOURCE, PRELUDE_FILE));
    try {
      return call(make, host, data);
    } finally {
      make.dispose();
      data.dispose();
      host.dispose();
    }
  });
  const chunks = new Map<string, QuickJSHandle>();
  const chunk = (name: keyof typeof API_CHUNKS): QuickJSHandle => {
    let made = chunks.get(name);
    if (made === undefined) {
      const make = context.unwrapResult(context.evalCode(API_CHUNKS[name], PRELUDE_FILE));
      try {
        made = keep(call(make, kit()));
      } finally {
        make.dispose();
      }
      chunks.set(name, made);
    }
    return made;
  };

  // One getter per global, made by one small piece of JavaScript around one host function: a host-made getter
  // per global cost more than the rest of the API together.
  const builders: Record<string, () => QuickJSHandle> = { client: buildClient };
  if (env.response !== undefined) builders['response'] = buildResponse;
  for (const [name, part] of Object.entries(CHUNK_GLOBALS)) builders[name] = () => context.getProp(chunk(part), name);
  const make = context.newFunction('make', (name) => {
    const build = builders[context.getString(name)];
    return build === undefined ? context.undefined : build();
  });
  const names = context.newString(Object.keys(builders).join(','));
  const define = context.unwrapResult(context.evalCode(LAZY_GLOBALS, PRELUDE_FILE));
  try {
    call(define, make, names).dispose();
  } finally {
    define.dispose();
    names.dispose();
    make.dispose();
  }

  const describeFailure = memo(() => context.unwrapResult(context.evalCode(DESCRIBE_FAILURE, PRELUDE_FILE)));

  return {
    get ranOutOfMemory() {
      return ranOutOfMemory;
    },
    isExit: (error) => exitSignal !== undefined && context.eq(error, exitSignal),
    runTests() {
      const out: RawTest[] = [];
      for (const t of tests) {
        if (context.typeof(t.fn) !== 'function') {
          out.push({ name: t.name, stack: t.stack, error: `TypeError: client.test("${t.name}", ...) needs a function`, errorStack: '' });
          continue;
        }
        const result = context.callFunction(t.fn, context.undefined);
        if (!result.error) {
          result.value.dispose();
          out.push({ name: t.name, stack: t.stack });
          continue;
        }
        const error = result.error;
        if (exitSignal !== undefined && context.eq(error, exitSignal)) {
          error.dispose();
          out.push({ name: t.name, stack: t.stack });
          continue;
        }
        const described = context.callFunction(describeFailure(), context.undefined, error);
        if (described.error) {
          // The time limit (no script may catch it), or a thrown value that cannot even be described.
          error.dispose();
          return { tests: out, stopped: described.error };
        }
        const d = JSON.parse(context.getString(described.value)) as { limit?: boolean; error: string; errorStack: string };
        described.value.dispose();
        if (d.limit === true) return { tests: out, stopped: error };
        error.dispose();
        if (d.error === 'InternalError: out of memory') ranOutOfMemory = true;
        out.push({ name: t.name, stack: t.stack, error: d.error, errorStack: d.errorStack });
      }
      return { tests: out };
    },
    dispose() {
      for (const h of owned.reverse()) if (h.alive) h.dispose();
      owned.length = 0;
    },
  };
}

/** Defines each named global as a getter that makes it on first read and then holds it, read-only, as the old prelude did. */
const LAZY_GLOBALS = String.raw`(function (make, names) {
  names.split(',').forEach(function (name) {
    Object.defineProperty(globalThis, name, { configurable: true, enumerable: false, get: function () {
      var value = make(name);
      Object.defineProperty(globalThis, name, { value: value, writable: false, configurable: false, enumerable: false });
      return value;
    } });
  });
})`;

/**
 * Describes what a `client.test` body threw, as the JavaScript API did (evaluated only when a test fails).
 * "interrupted" is the time limit: it ends the run, as it did when the tests ran inside the sandbox.
 */
const DESCRIBE_FAILURE = String.raw`(function (e) {
  var isError = e instanceof Error;
  if (isError && e.name === 'InternalError' && e.message === 'interrupted') return JSON.stringify({ limit: true });
  var str = function (v) { return typeof v === 'string' ? v : v === undefined ? 'undefined' : JSON.stringify(v); };
  return JSON.stringify({ error: isError ? e.name + ': ' + e.message : 'threw ' + str(e), errorStack: isError ? String(e.stack) : '' });
})`;
