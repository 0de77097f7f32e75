import * as assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { runScript } from '../../../src/core/scripts/runScript';
import { handlerEnv, inline, mapGlobals } from './scriptEnv';

async function logsOf(code: string, env = handlerEnv()): Promise<string[]> {
  const run = await runScript(inline(code), env);
  assert.equal(run.failure, undefined, run.failure?.message);
  return run.logs;
}

describe('script API (JetBrains names)', () => {
  describe('client.global', () => {
    it('set stores into the host store as text; get reads it back; get of a missing name is null', async () => {
      const globals = mapGlobals();
      const logs = await logsOf('client.global.set("token", response.body.token); client.global.set("n", 42); client.log(client.global.get("token"), client.global.get("none"))', handlerEnv({}, { globals }));
      assert.deepEqual([...globals.map], [['token', 't0k'], ['n', '42']]);
      assert.deepEqual(logs, ['t0k null']);
    });

    it('isEmpty, clear(name) and clearAll', async () => {
      const globals = mapGlobals(new Map([['a', '1'], ['b', '2']]));
      const logs = await logsOf('client.log(client.global.isEmpty()); client.global.clear("a"); client.log(client.global.get("a"), client.global.get("b")); client.global.clearAll(); client.log(client.global.isEmpty())', handlerEnv({}, { globals }));
      assert.deepEqual(logs, ['false', 'null 2', 'true']);
      assert.equal(globals.map.size, 0);
    });
  });

  describe('client.test, client.assert, client.exit, client.log', () => {
    it('tests run after the handler code has finished (JetBrains order)', async () => {
      const run = await runScript(inline('client.test("first", function () { client.log("in test") });\nclient.log("after test()")'), handlerEnv());
      assert.deepEqual(run.logs, ['after test()', 'in test']);
      assert.deepEqual(run.tests.map((t) => [t.name, t.passed]), [['first', true]]);
    });

    it('a failing client.assert fails its test with the message, at the assert line; the test has its own line', async () => {
      const code = 'client.test("status is 201", function () {\n  client.assert(response.status === 201, "expected 201");\n});\nclient.test("ok", function () {});';
      const run = await runScript(inline(code, 6, 4), handlerEnv());
      assert.equal(run.failure, undefined);
      const [failed, ok] = run.tests;
      assert.equal(failed.passed, false);
      assert.equal(failed.message, 'expected 201');
      assert.deepEqual(failed.position, { file: 'api.http', line: 6, column: 15 }); // QuickJS points at the call's '('
      assert.deepEqual(failed.failurePosition, { file: 'api.http', line: 7, column: 15 });
      assert.equal(ok.passed, true);
    });

    it('client.assert without a message says "Assertion failed"; a thrown error inside a test names its type', async () => {
      const run = await runScript(inline('client.test("a", function () { client.assert(false) }); client.test("b", function () { null.x })'), handlerEnv());
      assert.equal(run.tests[0].message, 'Assertion failed');
      assert.match(run.tests[1].message ?? '', /^TypeError: /);
    });

    it('client.exit() ends the handler at once; tests already registered still run', async () => {
      const run = await runScript(inline('client.test("t", function () { client.log("t ran") }); client.exit(); client.log("never")'), handlerEnv());
      assert.equal(run.failure, undefined);
      assert.deepEqual(run.logs, ['t ran']);
      assert.equal(run.tests[0].passed, true);
    });

    it('client.log joins its values with spaces and JSON-stringifies objects', async () => {
      assert.deepEqual(await logsOf('client.log("a", 1, {b: [2]}, null, true)'), ['a 1 {"b":[2]} null true']);
    });

    it('an error outside client.test is the script failure, naming the line; registered tests still report', async () => {
      const run = await runScript(inline('client.test("t", function () {});\n\nundefinedThing.call()', 3, 0), handlerEnv());
      assert.equal(run.failure?.kind, 'error');
      assert.match(run.failure?.message ?? '', /ReferenceError: 'undefinedThing' is not defined/);
      assert.equal(run.failure?.position.line, 5);
      assert.equal(run.tests.length, 1);
    });
  });

  describe('the API objects', () => {
    it('client, response and their parts are frozen and the globals cannot be replaced', async () => {
      const logs = await logsOf('client = 1; response = 2; client.log(typeof client.test, typeof response.status, Object.isFrozen(client), Object.isFrozen(client.global), Object.isFrozen(response), Object.isFrozen(response.headers), Object.isFrozen(response.contentType))');
      assert.deepEqual(logs, ['function number true true true true true']);
    });

    it('response.body is one object: read twice it is the same, a change to it stays', async () => {
      assert.deepEqual(await logsOf('var b = response.body; b.extra = 1; client.log(response.body === b, response.body.extra, JSON.stringify(Object.keys(response)))'), ['true 1 ["status","body","headers","contentType"]']);
    });

    it('client.exit() inside a test ends that test as passed; a test of something not a function fails', async () => {
      const run = await runScript(inline('client.test("exits", function () { client.exit(); }); client.test("not a function", 5)'), handlerEnv());
      assert.equal(run.failure, undefined);
      assert.deepEqual(run.tests.map((t) => [t.name, t.passed, t.message]), [['exits', true, undefined], ['not a function', false, 'TypeError: client.test("not a function", ...) needs a function']]);
    });

    it('values are converted as JavaScript does: String(name), JSON for objects, "null" for what JSON cannot show', async () => {
      const globals = mapGlobals();
      const logs = await logsOf('client.global.set({ toString: function () { return "named" } }, { a: [1] }); client.global.set("f", function () {}); client.log(client.global.get("named"), undefined, function () {}, "end")', handlerEnv({}, { globals }));
      assert.deepEqual([...globals.map], [['named', '{"a":[1]}'], ['f', 'null']]);
      assert.deepEqual(logs, ['{"a":[1]} undefined  end']);
    });

    it('an error thrown by a converted value (a throwing toString) is the script failure', async () => {
      const run = await runScript(inline('client.global.set({ toString: function () { throw new Error("no name") } }, 1)'), handlerEnv());
      assert.equal(run.failure?.message, 'Error: no name');
    });
  });

  describe('response', () => {
    it('status, body parsed for application/json, headers valueOf/valuesOf case-insensitive, contentType', async () => {
      const logs = await logsOf('client.log(response.status, response.body.user.id, response.headers.valueOf("SET-COOKIE"), response.headers.valuesOf("set-cookie"), response.headers.valueOf("x-none"), response.headers.valuesOf("x-none").length, response.contentType.mimeType, response.contentType.charset)');
      assert.deepEqual(logs, ['200 7 a=1 ["a=1","b=2"] null 0 application/json utf-8']);
    });

    it('a +json type is parsed too; text stays a string; bad JSON stays text', async () => {
      assert.deepEqual(await logsOf('client.log(typeof response.body, response.body.a)', handlerEnv({ body: '{"a":1}', mimeType: 'application/problem+json' })), ['object 1']);
      assert.deepEqual(await logsOf('client.log(typeof response.body, response.body)', handlerEnv({ body: 'hello', mimeType: 'text/plain' })), ['string hello']);
      assert.deepEqual(await logsOf('client.log(typeof response.body)', handlerEnv({ body: '{oops', mimeType: 'application/json' })), ['string']);
    });
  });

  describe('request', () => {
    it('handler: method, url(), body(), headers.all() and findByName with raw and substituted values', async () => {
      const logs = await logsOf('var h = request.headers.findByName("accept"); client.log(request.method, request.url(), request.body(), request.headers.all().length, h.name, h.getRawValue(), h.tryGetSubstitutedValue(), request.headers.findByName("x"))');
      assert.deepEqual(logs, ['POST http://127.0.0.1:1/login {"user": "ann"} 1 Accept {{accept}} application/json null']);
    });

    it('pre-request: url.getRaw/tryGetSubstituted, body.getRaw/tryGetSubstituted; variables.set feeds the request', async () => {
      const env = { ...handlerEnv(), kind: 'pre-request' as const, response: undefined };
      const logs = await logsOf('request.variables.set("stamp", 5); client.log(request.url.getRaw(), request.url.tryGetSubstituted(), request.body.getRaw(), request.variables.get("stamp"), request.variables.get("none"), typeof response)', env);
      assert.deepEqual(logs, ['{{base}}/login http://127.0.0.1:1/login {"user": "{{user}}"} 5 null undefined']);
      assert.equal(env.requestVariables.get('stamp'), '5');
    });

    it('request.environment.get gives the value or null', async () => {
      assert.deepEqual(await logsOf('client.log(request.environment.get("host"), request.environment.get("nope"))'), ['example.test null']);
    });
  });

  describe('crypto, $random, Window, jsonPath', () => {
    it('digests from text, hex and base64 parts, as hex and base64 (url-safe too)', async () => {
      const logs = await logsOf('client.log(crypto.sha256().updateWithText("ab").updateWithHex("6364").updateWithBase64("ZQ==").digest().toHex()); client.log(crypto.md5().updateWithText("x").digest().toBase64()); client.log(crypto.sha1().updateWithText("?>").digest().toBase64(true)); client.log(crypto.sha384().updateWithText("").digest().toHex().length, crypto.sha512().updateWithText("").digest().toHex().length)');
      assert.deepEqual(logs, [
        createHash('sha256').update('abcde').digest('hex'),
        createHash('md5').update('x').digest('base64'),
        createHash('sha1').update('?>').digest('base64url'),
        '96 128',
      ]);
    });

    it('HMACs with text, hex and base64 secrets', async () => {
      const logs = await logsOf('client.log(crypto.hmac.sha256().withTextSecret("k").updateWithText("msg").digest().toHex()); client.log(crypto.hmac.sha1().withHexSecret("6b").updateWithText("msg").digest().toHex()); client.log(crypto.hmac.sha512().withBase64Secret("aw==").updateWithText("msg").digest().toBase64())');
      assert.deepEqual(logs, [
        createHmac('sha256', 'k').update('msg').digest('hex'),
        createHmac('sha1', 'k').update('msg').digest('hex'),
        createHmac('sha512', 'k').update('msg').digest('base64'),
      ]);
    });

    it('$random: uuid, alphabetic, alphanumeric, hexadecimal, email, integer and float in range', async () => {
      const [line] = await logsOf('client.log(JSON.stringify([$random.uuid, $random.alphabetic(5), $random.alphanumeric(6), $random.hexadecimal(8), $random.email, $random.integer(3, 5), $random.float(1, 2)]))');
      const [uuid, alpha, alnum, hex, email, int, float] = JSON.parse(line) as [string, string, string, string, string, number, number];
      assert.match(uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.match(alpha, /^[a-zA-Z]{5}$/);
      assert.match(alnum, /^\w{6}$/);
      assert.match(hex, /^[0-9a-f]{8}$/);
      assert.match(email, /^[a-z]+@[a-z]+\.com$/);
      assert.ok(int >= 3 && int < 5 && Number.isInteger(int));
      assert.ok(float >= 1 && float < 2);
    });

    it('Window.btoa / Window.atob (and bare atob/btoa)', async () => {
      assert.deepEqual(await logsOf('client.log(Window.btoa("user:pass"), Window.atob("dXNlcjpwYXNz"), atob(btoa("x")))'), ['dXNlcjpwYXNz user:pass x']);
    });

    it('jsonPath: one match is the value, several a list, none null', async () => {
      assert.deepEqual(await logsOf('client.log(jsonPath(response.body, "$.user.id"), jsonPath({a: [{b: 1}, {b: 2}]}, "$.a[*].b"), jsonPath(response.body, "$.nope"))'), ['7 [1,2] null']);
    });
  });
});
