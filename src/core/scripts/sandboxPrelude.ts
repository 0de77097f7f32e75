/**
 * The JetBrains script API, in JavaScript that runs inside the sandbox over one host function for what only
 * the host can do (`host(op, argsJson) -> resultJson | undefined`: digests, UUIDs, base64, JSONPath). It is
 * evaluated once per engine, before the engine's memory image is taken (preparedSandbox.ts), so its cost is
 * not paid per script. It is a function expression: the runner calls it with the host function, so no global
 * ever holds the host, and it returns
 * - `begin(dataJson, body)`: the script's own data (kind, request, response without its body, the globals,
 *   variables and environment, a random seed) and the response body (undefined for a large one, which the
 *   host hands over when it is read: `host('body')`); it defines `request` and `response`, which differ per
 *   script (each made when first read);
 * - `complete()`: runs the registered `client.test` bodies after the script's own code (JetBrains order), then
 *   returns `finish()`;
 * - `finish()`: what the script left as JSON: its changes to the globals and variables (the stores come in
 *   with the data and stay here meanwhile), its `client.log` lines and its tests' outcomes.
 * `client`, `crypto`, `$random`, `Window`, `atob`, `btoa` and `jsonPath` are the same for every script and are
 * defined here. The built-ins the API keeps its state with (JSON, String, Error, Object's freeze, create and
 * defineProperty) are taken before any script runs, and what it hands back is JSON text it builds from
 * strings, so a script that replaces `JSON.stringify` or puts a setter or `toJSON` on a prototype changes
 * its own code only. Evaluated under the file name `PRELUDE_FILE`, which stack parsing
 * skips. Plain ASCII: QuickJS compiles any other character about twice as slowly.
 */
export const PRELUDE_FILE = 'http-session-api';

/** Sentinel message of the value `client.exit()` throws; the runner treats it as a normal end. */
export const EXIT_SIGNAL = '__http_session_exit__';

export const SANDBOX_PRELUDE = String.raw`(function (host) {
  'use strict';
  var global = globalThis, stringify = JSON.stringify, parse = JSON.parse, freeze = Object.freeze, define = Object.defineProperty, createObject = Object.create;
  var ErrorType = Error, toText = String, imul = Math.imul, floor = Math.floor, mathRandom;
  var call = function (op, args) { var r = host(op, stringify(args === undefined ? [] : args)); return r === undefined ? undefined : parse(r); };
  var str = function (v) { return typeof v === 'string' ? v : v === undefined ? 'undefined' : stringify(v); };
  var constant = function (name, value) { define(global, name, { value: value, writable: false, configurable: false, enumerable: false }); };
  var exitSignal = freeze({ message: '${EXIT_SIGNAL}' });
  var tests = [], outcomes = [], logs = [], ops = [];
  // Kept with defineProperty and as JSON text made of strings: a setter or toJSON a script puts on
  // Array.prototype or Object.prototype cannot reach what the API hands back.
  var record = function (list, item) { define(list, list.length, { value: item, writable: true, enumerable: true, configurable: true }); };
  var jsonList = function (list) { var out = ''; for (var i = 0; i < list.length; i++) out += (i > 0 ? ',' : '') + list[i]; return '[' + out + ']'; };
  var recordOp = function (op, name, value) {
    record(ops, '{"store":' + stringify(op === 'variable' ? 'variables' : 'globals') + ',"op":' + stringify(op === 'variable' ? 'set' : op) +
      (name === undefined ? '' : ',"name":' + stringify(name)) + (value === undefined ? '' : ',"value":' + stringify(value)) + '}');
  };
  // The session's globals, the request's variables and the environment come in with the script's data and are
  // kept here (dictionaries without a prototype, so no name is special); each change is recorded in ops, which
  // finish() hands to the host with the logs and test outcomes: no call leaves the sandbox for them.
  var dictionary = function (pairs) { var d = createObject(null); for (var i = 0; i < pairs.length; i++) d[pairs[i][0]] = pairs[i][1]; return d; };
  var data, loaded, globals, globalCount, variables, environment;
  // The dictionaries are made when a script first uses one (most handlers only set a global or two).
  var load = function () {
    if (loaded) return;
    loaded = true;
    globals = dictionary(data.globals); globalCount = data.globals.length; variables = dictionary(data.variables); environment = dictionary(data.environment);
  };
  var lookup = function (d, name) { var n = toText(name); return n in d ? d[n] : null; };

  // Math.random from a seed each script brings: the engine's own generator state is part of the image, so it
  // would give every script the same numbers (xoshiro128**, 53 bits per number).
  var s0 = 1, s1 = 0, s2 = 0, s3 = 0;
  var rotl = function (x, k) { return (x << k) | (x >>> (32 - k)); };
  var next32 = function () {
    var result = imul(rotl(imul(s1, 5), 7), 9), t = s1 << 9;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11);
    return result >>> 0;
  };
  mathRandom = function random() { return ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992; };
  define(Math, 'random', { value: mathRandom, writable: true, configurable: true, enumerable: false });

  constant('client', freeze({
    global: freeze({
      // As JSON carried it: a value JSON.stringify cannot show is "null".
      set: function (name, value) {
        var n = toText(name), v = str(value);
        if (v === undefined) v = 'null';
        load();
        if (!(n in globals)) globalCount++;
        globals[n] = v;
        recordOp('set', n, v);
      },
      get: function (name) { load(); return lookup(globals, name); },
      isEmpty: function () { load(); return globalCount === 0; },
      clear: function (name) {
        var n = toText(name);
        load();
        if (n in globals) { delete globals[n]; globalCount--; }
        recordOp('delete', n);
      },
      clearAll: function () { load(); globals = dictionary([]); globalCount = 0; recordOp('clear'); },
    }),
    test: function (name, fn) { record(tests, { name: toText(name), fn: fn, stack: toText(new ErrorType().stack) }); },
    assert: function (condition, message) {
      if (condition) return;
      var e = new ErrorType(message === undefined ? 'Assertion failed' : toText(message));
      define(e, 'name', { value: 'AssertionError', writable: true, enumerable: false, configurable: true });
      throw e;
    },
    log: function () { var line = ''; for (var i = 0; i < arguments.length; i++) { var part = str(arguments[i]); line += (i > 0 ? ' ' : '') + (part === undefined ? '' : part); } record(logs, stringify(line)); },
    exit: function () { throw exitSignal; },
  }));

  var hasher = function (algorithm, hmac) {
    var secret, parts = [];
    var self = {
      updateWithText: function (t) { parts.push(['text', toText(t)]); return self; },
      updateWithHex: function (h) { parts.push(['hex', toText(h)]); return self; },
      updateWithBase64: function (b) { parts.push(['base64', toText(b)]); return self; },
      digest: function () {
        var d = call('crypto.digest', [algorithm, secret === undefined ? null : secret, parts]);
        return freeze({ toHex: function () { return d.hex; }, toBase64: function (urlSafe) { return urlSafe ? d.base64url : d.base64; } });
      },
    };
    if (hmac) {
      self.withTextSecret = function (s) { secret = ['text', toText(s)]; return self; };
      self.withHexSecret = function (s) { secret = ['hex', toText(s)]; return self; };
      self.withBase64Secret = function (s) { secret = ['base64', toText(s)]; return self; };
    }
    return freeze(self);
  };
  var digests = {}, hmacs = {};
  ['sha1', 'sha256', 'sha384', 'sha512', 'md5'].forEach(function (a) { digests[a] = function () { return hasher(a, false); }; hmacs[a] = function () { return hasher(a, true); }; });
  digests.hmac = freeze(hmacs);
  constant('crypto', freeze(digests));

  var pick = function (alphabet, n) { var s = ''; for (var i = 0; i < Number(n); i++) s += alphabet.charAt(floor(mathRandom() * alphabet.length)); return s; };
  var letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  var random = {
    alphabetic: function (n) { return pick(letters, n); },
    alphanumeric: function (n) { return pick(letters + '0123456789_', n); },
    hexadecimal: function (n) { return pick('0123456789abcdef', n); },
    integer: function (from, to) { var lo = from === undefined ? 0 : Math.ceil(from), hi = to === undefined ? 1000 : floor(to); return lo + floor(mathRandom() * (hi - lo)); },
    float: function (from, to) { var lo = from === undefined ? 0 : Number(from), hi = to === undefined ? 1000 : Number(to); return lo + mathRandom() * (hi - lo); },
  };
  define(random, 'uuid', { get: function () { return call('uuid'); }, enumerable: true });
  define(random, 'email', { get: function () { return pick(letters, 10).toLowerCase() + '@' + pick(letters, 8).toLowerCase() + '.com'; }, enumerable: true });
  constant('$random', freeze(random));

  var atob = function (s) { return call('atob', [toText(s)]); };
  var btoa = function (s) { return call('btoa', [toText(s)]); };
  constant('Window', freeze({ atob: atob, btoa: btoa }));
  constant('atob', atob);
  constant('btoa', btoa);
  constant('jsonPath', function (value, path) { return call('jsonPath', [value === undefined ? null : value, toText(path)]); });

  var makeRequest = function (q, pre) {
    var header = function (h) { return freeze({ name: h.name, value: h.value, getRawValue: function () { return h.rawValue; }, tryGetSubstitutedValue: function () { return h.value; } }); };
    var headers = q.headers.map(header);
    return freeze({
      method: q.method,
      variables: freeze({
        set: function (name, value) {
          var n = toText(name), v = str(value);
          if (v === undefined) v = 'null';
          load();
          variables[n] = v;
          recordOp('variable', n, v);
        },
        get: function (name) { load(); return lookup(variables, name); },
      }),
      environment: freeze({ get: function (name) { load(); return lookup(environment, name); } }),
      headers: freeze({
        all: function () { return headers.slice(); },
        findByName: function (name) { var n = toText(name).toLowerCase(); for (var i = 0; i < headers.length; i++) if (headers[i].name.toLowerCase() === n) return headers[i]; return null; },
      }),
      url: pre ? freeze({ getRaw: function () { return q.rawUrl; }, tryGetSubstituted: function () { return q.url; } }) : function () { return q.url; },
      body: pre ? freeze({ getRaw: function () { return q.rawBody; }, tryGetSubstituted: function () { return q.body; } }) : function () { return q.body; },
    });
  };

  var makeResponse = function (r, text) {
    var lower = function (s) { return toText(s).toLowerCase(); };
    var pairs = r.headers, parsed = false, body;
    var response = { status: r.status };
    // Parsed when first read: a handler that reads only the status never pays for a big body.
    define(response, 'body', { enumerable: true, get: function () {
      if (!parsed) {
        // A large body stays on the host until read (begin got undefined for it).
        var raw = text === undefined ? host('body', '[]') : text;
        body = raw;
        if (/^application\/json$|\+json$/.test(r.mimeType)) { try { body = parse(raw); } catch (e) { body = raw; } }
        parsed = true;
      }
      return body;
    } });
    var property = function (name, value) { define(response, name, { value: value, writable: true, enumerable: true, configurable: true }); };
    property('headers', freeze({
      valueOf: function (name) { var n = lower(name); for (var i = 0; i < pairs.length; i++) if (lower(pairs[i][0]) === n) return pairs[i][1]; return null; },
      valuesOf: function (name) { var n = lower(name); return pairs.filter(function (p) { return lower(p[0]) === n; }).map(function (p) { return p[1]; }); },
    }));
    property('contentType', freeze({ mimeType: r.mimeType, charset: r.charset }));
    return freeze(response);
  };

  // A global made when a script first reads it: a handler that reads only the response never builds request.
  var lazyConstant = function (name, make) {
    var made, done = false;
    define(global, name, { get: function () { if (!done) { done = true; made = make(); } return made; }, configurable: false, enumerable: false });
  };

  var begin = function (dataJson, body) {
    data = parse(dataJson);
    s0 = data.seed[0] | 1; s1 = data.seed[1] | 0; s2 = data.seed[2] | 0; s3 = data.seed[3] | 0;
    lazyConstant('request', function () { return makeRequest(data.request, data.kind === 'pre-request'); });
    if (data.response !== undefined) lazyConstant('response', function () { return makeResponse(data.response, body); });
  };

  var runTests = function () {
    for (var i = 0; i < tests.length; i++) {
      var t = tests[i], error, errorStack;
      if (typeof t.fn !== 'function') {
        error = 'TypeError: client.test("' + t.name + '", ...) needs a function';
        errorStack = '';
      } else {
        error = undefined;
        try {
          t.fn();
        } catch (e) {
          if (e !== exitSignal) {
            var isError = e instanceof ErrorType;
            error = isError ? e.name + ': ' + e.message : 'threw ' + str(e);
            errorStack = isError ? toText(e.stack) : '';
          }
        }
      }
      record(outcomes, '{"name":' + stringify(t.name) + ',"stack":' + stringify(t.stack) +
        (error === undefined ? '' : ',"error":' + stringify(toText(error)) + ',"errorStack":' + stringify(toText(errorStack))) + '}');
    }
  };

  var finish = function () { return '{"ops":' + jsonList(ops) + ',"logs":' + jsonList(logs) + ',"tests":' + jsonList(outcomes) + '}'; };
  var complete = function () { runTests(); return finish(); };

  return { begin: begin, complete: complete, finish: finish };
})`;
