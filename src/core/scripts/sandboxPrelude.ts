/**
 * The JetBrains script API, written in JavaScript that runs inside the sandbox on top of one host function
 * (`host(op, argsJson) -> resultJson`). It is a function expression: the runner calls it with the host
 * function, so no global ever holds the host; it defines the API globals and returns `runTests`, which runs
 * the registered `client.test` bodies after the script's own code (JetBrains order) and returns their
 * outcomes as JSON. Evaluated under the file name `PRELUDE_FILE` so its frames can be told from the script's.
 */
export const PRELUDE_FILE = 'http-session-api';

/** Sentinel message thrown by `client.exit()`; the runner treats it as a normal end. */
export const EXIT_SIGNAL = '__http_session_exit__';

export const SANDBOX_PRELUDE = String.raw`(function (host) {
  'use strict';
  var call = function (op, args) { var r = host(op, JSON.stringify(args === undefined ? [] : args)); return r === undefined ? undefined : JSON.parse(r); };
  var data = call('data');
  var tests = [];
  var str = function (v) { return typeof v === 'string' ? v : v === undefined ? 'undefined' : JSON.stringify(v); };
  var def = function (name, value) { Object.defineProperty(globalThis, name, { value: value, writable: false, configurable: false, enumerable: false }); };
  var here = function () { return new Error().stack; };
  var exitSignal = { message: '${EXIT_SIGNAL}' };

  def('client', Object.freeze({
    global: Object.freeze({
      set: function (name, value) { call('global.set', [String(name), str(value)]); },
      get: function (name) { var v = call('global.get', [String(name)]); return v === undefined ? null : v; },
      isEmpty: function () { return call('global.size') === 0; },
      clear: function (name) { call('global.delete', [String(name)]); },
      clearAll: function () { call('global.clear'); },
    }),
    test: function (name, fn) { tests.push({ name: String(name), fn: fn, stack: here() }); },
    assert: function (condition, message) {
      if (!condition) { var e = new Error(message === undefined ? 'Assertion failed' : String(message)); e.name = 'AssertionError'; throw e; }
    },
    log: function () { var parts = []; for (var i = 0; i < arguments.length; i++) parts.push(str(arguments[i])); call('log', [parts.join(' ')]); },
    exit: function () { throw exitSignal; },
  }));

  var headerList = function (pairs) {
    var lower = function (s) { return String(s).toLowerCase(); };
    return Object.freeze({
      valueOf: function (name) { for (var i = 0; i < pairs.length; i++) if (lower(pairs[i][0]) === lower(name)) return pairs[i][1]; return null; },
      valuesOf: function (name) { return pairs.filter(function (p) { return lower(p[0]) === lower(name); }).map(function (p) { return p[1]; }); },
    });
  };

  if (data.response) {
    var r = data.response;
    var body = r.body;
    if (/^application\/json$|\+json$/.test(r.mimeType)) { try { body = JSON.parse(r.body); } catch (e) { body = r.body; } }
    def('response', Object.freeze({
      status: r.status,
      body: body,
      headers: headerList(r.headers),
      contentType: Object.freeze({ mimeType: r.mimeType, charset: r.charset }),
    }));
  }

  var q = data.request;
  var header = function (h) { return Object.freeze({ name: h.name, value: h.value, getRawValue: function () { return h.rawValue; }, tryGetSubstitutedValue: function () { return h.value; } }); };
  var requestHeaders = q.headers.map(header);
  var pre = data.kind === 'pre-request';
  def('request', Object.freeze({
    method: q.method,
    variables: Object.freeze({
      set: function (name, value) { call('variables.set', [String(name), str(value)]); },
      get: function (name) { var v = call('variables.get', [String(name)]); return v === undefined ? null : v; },
    }),
    environment: Object.freeze({ get: function (name) { var v = call('environment.get', [String(name)]); return v === undefined ? null : v; } }),
    headers: Object.freeze({
      all: function () { return requestHeaders.slice(); },
      findByName: function (name) { var n = String(name).toLowerCase(); for (var i = 0; i < requestHeaders.length; i++) if (requestHeaders[i].name.toLowerCase() === n) return requestHeaders[i]; return null; },
    }),
    url: pre ? Object.freeze({ getRaw: function () { return q.rawUrl; }, tryGetSubstituted: function () { return q.url; } }) : function () { return q.url; },
    body: pre ? Object.freeze({ getRaw: function () { return q.rawBody; }, tryGetSubstituted: function () { return q.body; } }) : function () { return q.body; },
  }));

  var hasher = function (algorithm, hmac) {
    var secret, parts = [];
    var self = {
      updateWithText: function (t) { parts.push(['text', String(t)]); return self; },
      updateWithHex: function (h) { parts.push(['hex', String(h)]); return self; },
      updateWithBase64: function (b) { parts.push(['base64', String(b)]); return self; },
      digest: function () {
        var d = call('crypto.digest', [algorithm, secret === undefined ? null : secret, parts]);
        return Object.freeze({ toHex: function () { return d.hex; }, toBase64: function (urlSafe) { return urlSafe ? d.base64url : d.base64; } });
      },
    };
    if (hmac) {
      self.withTextSecret = function (s) { secret = ['text', String(s)]; return self; };
      self.withHexSecret = function (s) { secret = ['hex', String(s)]; return self; };
      self.withBase64Secret = function (s) { secret = ['base64', String(s)]; return self; };
    }
    return Object.freeze(self);
  };
  var algorithms = ['sha1', 'sha256', 'sha384', 'sha512', 'md5'];
  var digests = {}, hmacs = {};
  algorithms.forEach(function (a) { digests[a] = function () { return hasher(a, false); }; hmacs[a] = function () { return hasher(a, true); }; });
  digests.hmac = Object.freeze(hmacs);
  def('crypto', Object.freeze(digests));

  var pick = function (alphabet, n) { var s = ''; for (var i = 0; i < Number(n); i++) s += alphabet.charAt(Math.floor(Math.random() * alphabet.length)); return s; };
  var letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  var random = {
    alphabetic: function (n) { return pick(letters, n); },
    alphanumeric: function (n) { return pick(letters + '0123456789_', n); },
    hexadecimal: function (n) { return pick('0123456789abcdef', n); },
    integer: function (from, to) { var lo = from === undefined ? 0 : Math.ceil(from), hi = to === undefined ? 1000 : Math.floor(to); return lo + Math.floor(Math.random() * (hi - lo)); },
    float: function (from, to) { var lo = from === undefined ? 0 : Number(from), hi = to === undefined ? 1000 : Number(to); return lo + Math.random() * (hi - lo); },
  };
  Object.defineProperty(random, 'uuid', { get: function () { return call('uuid'); }, enumerable: true });
  Object.defineProperty(random, 'email', { get: function () { return pick(letters, 10).toLowerCase() + '@' + pick(letters, 8).toLowerCase() + '.com'; }, enumerable: true });
  def('$random', Object.freeze(random));

  var atob = function (s) { return call('atob', [String(s)]); };
  var btoa = function (s) { return call('btoa', [String(s)]); };
  def('Window', Object.freeze({ atob: atob, btoa: btoa }));
  def('atob', atob);
  def('btoa', btoa);
  def('jsonPath', function (value, path) { return call('jsonPath', [value === undefined ? null : value, String(path)]); });

  return function runTests() {
    var out = [];
    for (var i = 0; i < tests.length; i++) {
      var t = tests[i];
      try {
        if (typeof t.fn !== 'function') throw new TypeError('client.test("' + t.name + '", …) needs a function');
        t.fn();
        out.push({ name: t.name, stack: t.stack });
      } catch (e) {
        if (e === exitSignal) { out.push({ name: t.name, stack: t.stack }); continue; }
        var isError = e instanceof Error;
        out.push({ name: t.name, stack: t.stack, error: isError ? e.name + ': ' + e.message : 'threw ' + str(e), errorStack: isError ? String(e.stack) : '', assertion: isError && e.name === 'AssertionError' });
      }
    }
    return JSON.stringify(out);
  };
})`;
