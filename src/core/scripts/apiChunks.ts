/**
 * The rarely used parts of the script API, one JavaScript source per global (or group), each a function of
 * the kit (sandboxPrelude.ts: call, data, str) returning an object of globals. sandboxApi.ts compiles a part
 * only when a script first touches one of its globals (`client` and `response` are host objects).
 */
export const API_CHUNKS = {
  request: String.raw`(function (kit) {
    var call = kit.call, str = kit.str, q = kit.data.request, pre = kit.data.kind === 'pre-request';
    var header = function (h) { return Object.freeze({ name: h.name, value: h.value, getRawValue: function () { return h.rawValue; }, tryGetSubstitutedValue: function () { return h.value; } }); };
    var headers = q.headers.map(header);
    return { request: Object.freeze({
      method: q.method,
      variables: Object.freeze({
        set: function (name, value) { call('variables.set', [String(name), str(value)]); },
        get: function (name) { var v = call('variables.get', [String(name)]); return v === undefined ? null : v; },
      }),
      environment: Object.freeze({ get: function (name) { var v = call('environment.get', [String(name)]); return v === undefined ? null : v; } }),
      headers: Object.freeze({
        all: function () { return headers.slice(); },
        findByName: function (name) { var n = String(name).toLowerCase(); for (var i = 0; i < headers.length; i++) if (headers[i].name.toLowerCase() === n) return headers[i]; return null; },
      }),
      url: pre ? Object.freeze({ getRaw: function () { return q.rawUrl; }, tryGetSubstituted: function () { return q.url; } }) : function () { return q.url; },
      body: pre ? Object.freeze({ getRaw: function () { return q.rawBody; }, tryGetSubstituted: function () { return q.body; } }) : function () { return q.body; },
    }) };
  })`,

  crypto: String.raw`(function (kit) {
    var hasher = function (algorithm, hmac) {
      var secret, parts = [];
      var self = {
        updateWithText: function (t) { parts.push(['text', String(t)]); return self; },
        updateWithHex: function (h) { parts.push(['hex', String(h)]); return self; },
        updateWithBase64: function (b) { parts.push(['base64', String(b)]); return self; },
        digest: function () {
          var d = kit.call('crypto.digest', [algorithm, secret === undefined ? null : secret, parts]);
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
    var digests = {}, hmacs = {};
    ['sha1', 'sha256', 'sha384', 'sha512', 'md5'].forEach(function (a) { digests[a] = function () { return hasher(a, false); }; hmacs[a] = function () { return hasher(a, true); }; });
    digests.hmac = Object.freeze(hmacs);
    return { crypto: Object.freeze(digests) };
  })`,

  random: String.raw`(function (kit) {
    var pick = function (alphabet, n) { var s = ''; for (var i = 0; i < Number(n); i++) s += alphabet.charAt(Math.floor(Math.random() * alphabet.length)); return s; };
    var letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    var random = {
      alphabetic: function (n) { return pick(letters, n); },
      alphanumeric: function (n) { return pick(letters + '0123456789_', n); },
      hexadecimal: function (n) { return pick('0123456789abcdef', n); },
      integer: function (from, to) { var lo = from === undefined ? 0 : Math.ceil(from), hi = to === undefined ? 1000 : Math.floor(to); return lo + Math.floor(Math.random() * (hi - lo)); },
      float: function (from, to) { var lo = from === undefined ? 0 : Number(from), hi = to === undefined ? 1000 : Number(to); return lo + Math.random() * (hi - lo); },
    };
    Object.defineProperty(random, 'uuid', { get: function () { return kit.call('uuid'); }, enumerable: true });
    Object.defineProperty(random, 'email', { get: function () { return pick(letters, 10).toLowerCase() + '@' + pick(letters, 8).toLowerCase() + '.com'; }, enumerable: true });
    return { $random: Object.freeze(random) };
  })`,

  window: String.raw`(function (kit) {
    var atob = function (s) { return kit.call('atob', [String(s)]); };
    var btoa = function (s) { return kit.call('btoa', [String(s)]); };
    return { Window: Object.freeze({ atob: atob, btoa: btoa }), atob: atob, btoa: btoa };
  })`,

  jsonPath: String.raw`(function (kit) {
    return { jsonPath: function (value, path) { return kit.call('jsonPath', [value === undefined ? null : value, String(path)]); } };
  })`,
} as const;
