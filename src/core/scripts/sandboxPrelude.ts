import type { API_CHUNKS } from './apiChunks';

/**
 * The JetBrains script API, written in JavaScript that runs inside the sandbox on top of one host function
 * (`host(op, argsJson) -> resultJson`). It is a function expression: the runner calls it with the host
 * function, so no global ever holds the host; it returns `runTests`, which runs the registered `client.test`
 * bodies after the script's own code (JetBrains order) and returns their outcomes as JSON.
 *
 * Each API global (`client`, `response`, `request`, `crypto`, `$random`, `Window`, `atob`, `btoa`, `jsonPath`)
 * is compiled only when a script first touches it (see apiChunks.ts): compiling all of it costs about 1 ms
 * per script, most scripts use two of them. Evaluated under the file name `PRELUDE_FILE`.
 */
export const PRELUDE_FILE = 'http-session-api';

/** Sentinel message thrown by `client.exit()`; the runner treats it as a normal end. */
export const EXIT_SIGNAL = '__http_session_exit__';

/** Which chunk defines each global. */
const GLOBALS: Record<string, keyof typeof API_CHUNKS> = {
  client: 'client', response: 'response', request: 'request', crypto: 'crypto', $random: 'random',
  Window: 'window', atob: 'window', btoa: 'window', jsonPath: 'jsonPath',
};

export const SANDBOX_PRELUDE = String.raw`(function (host) {
  'use strict';
  var evaluate = eval;
  var call = function (op, args) { var r = host(op, JSON.stringify(args === undefined ? [] : args)); return r === undefined ? undefined : JSON.parse(r); };
  var data = call('data');
  var kit = {
    call: call, data: data, tests: [], exitSignal: { message: '${EXIT_SIGNAL}' },
    str: function (v) { return typeof v === 'string' ? v : v === undefined ? 'undefined' : JSON.stringify(v); },
  };
  var made = {};
  var chunk = function (name) {
    if (!made[name]) made[name] = evaluate(call('chunk', [name]))(kit);
    return made[name];
  };
  var globals = ${JSON.stringify(GLOBALS)};
  Object.keys(globals).forEach(function (name) {
    if (name === 'response' && !data.response) return;
    Object.defineProperty(globalThis, name, {
      configurable: true, enumerable: false,
      get: function () {
        var value = chunk(globals[name])[name];
        Object.defineProperty(globalThis, name, { value: value, writable: false, configurable: false, enumerable: false });
        return value;
      },
    });
  });

  return function runTests() {
    var out = [];
    for (var i = 0; i < kit.tests.length; i++) {
      var t = kit.tests[i];
      try {
        if (typeof t.fn !== 'function') throw new TypeError('client.test("' + t.name + '", ...) needs a function');
        t.fn();
        out.push({ name: t.name, stack: t.stack });
      } catch (e) {
        if (e === kit.exitSignal) { out.push({ name: t.name, stack: t.stack }); continue; }
        var isError = e instanceof Error;
        out.push({ name: t.name, stack: t.stack, error: isError ? e.name + ': ' + e.message : 'threw ' + kit.str(e), errorStack: isError ? String(e.stack) : '' });
      }
    }
    return JSON.stringify(out);
  };
})`;
