import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from '../../../src/core/session/session';
import { SessionStore } from '../../../src/core/session/sessionStore';
import { countTests } from '../../../src/core/testing/types';
import { startServer } from '../../support/startServer';
import type { TestServer } from '../../support/startServer';
import { appHandler, contextFor, runAll } from '../runner/runnerSupport';

describe('request tests through the runner (scripts, ?? lines, globals in the session)', () => {
  let server: TestServer;
  before(async () => { server = await startServer(appHandler); });
  after(() => server.close());

  it('a login handler sets a global in the session; a later request sends it as {{token}}', async () => {
    const ctx = contextFor(`POST ${server.url}/login\n\n> {% client.global.set("token", response.body.token); %}\n\n###\nGET ${server.url}/me\nAuthorization: Bearer {{token}}\n`);
    const results = await runAll(ctx);
    assert.equal(ctx.sessions.get('default').globals.get('token'), 'tok-1');
    const me = server.requests.at(-1);
    assert.deepEqual(me?.headers.find(([n]) => n === 'Authorization'), ['Authorization', 'Bearer tok-1']);
    assert.deepEqual(results.map((r) => r.tests.map((t) => [t.name, t.passed])), [[['got a response', true]], [['got a response', true]]]);
  });

  it('a global resolves as {{name}} in another file run against the same session', async () => {
    const sessions = new SessionStore();
    await runAll(contextFor(`POST ${server.url}/login\n> {% client.global.set("tok", response.body.token) %}\n`, { sessions }));
    const other = contextFor(`GET ${server.url}/x?t={{tok}}\n`, { sessions, filePath: '/tmp/runner-test/other.http' });
    const [result] = await runAll(other);
    assert.equal(result.error, undefined);
    assert.equal(server.requests.at(-1)?.url, '/x?t=tok-1');
  });

  it('a cleared global gives the usual unknown-variable error and nothing is sent', async () => {
    const sessions = new SessionStore();
    sessions.get('default').setGlobal('tok', 'v');
    await sessions.clear();
    const before = server.requests.length;
    const [result] = await runAll(contextFor(`GET ${server.url}/x?t={{tok}}\n`, { sessions }));
    assert.equal(result.error?.code, 'UNRESOLVED_VARIABLE');
    assert.match(result.error?.message ?? '', /Unknown variable 'tok'/);
    assert.equal(server.requests.length, before);
  });

  it('?? lines and client.test are the request\'s tests, in order: handler tests, then ?? lines', async () => {
    const ctx = contextFor(`POST ${server.url}/login\n?? status == 200\n?? body token == {{expected}}\n?? header content-type includes json\n?? status == 201\n> {%\nclient.global.set("expected", "tok-1");\nclient.test("has a token", function () { client.assert(response.body.token === "nope", "token is " + response.body.token) });\n%}\n`);
    const [result] = await runAll(ctx);
    assert.deepEqual(result.tests.map((t) => [t.kind, t.name, t.passed]), [
      ['script-test', 'has a token', false],
      ['assertion', 'status == 200', true],
      ['assertion', 'body token == {{expected}}', true],
      ['assertion', 'header content-type includes json', true],
      ['assertion', 'status == 201', false],
    ]);
    const failed = result.tests[4];
    assert.equal(failed.message, 'status: expected == 201, actual 200');
    assert.deepEqual([failed.expected, failed.actual, failed.location.line], ['== 201', '200', 4]);
    assert.equal(result.tests[0].message, 'token is tok-1');
    assert.equal(result.tests[0].failureLocation?.line, 7);
    assert.deepEqual(countTests(result.tests), { passed: 3, failed: 2 });
  });

  it('a throwing handler fails "response handler" naming file:line:col; the run goes on to the next request', async () => {
    const ctx = contextFor(`GET ${server.url}/a\n\n> {%\n  response.body.nothing.here;\n%}\n###\nGET ${server.url}/b\n?? status == 200\n`);
    const results = await runAll(ctx);
    assert.equal(results.length, 2);
    const handler = results[0].tests.find((t) => t.kind === 'response-handler');
    assert.equal(handler?.passed, false);
    assert.match(handler?.message ?? '', /^\/tmp\/runner-test\/requests\.http:4:\d+: TypeError: /);
    assert.equal(handler?.location.line, 2);
    assert.deepEqual(results[1].tests.map((t) => t.passed), [true]);
  });

  it('a handler over its time limit fails with "stopped after"; the next request still runs', async () => {
    const ctx = contextFor(`GET ${server.url}/a\n> {% while (true) {} %}\n###\nGET ${server.url}/b\n`, { scriptLimits: { timeMs: 200, memoryMb: 32, stackKb: 128 } });
    const results = await runAll(ctx);
    assert.match(results[0].tests.find((t) => t.kind === 'response-handler')?.message ?? '', /requests\.http:2:5: stopped after 200 ms/);
    assert.equal(results[1].exchange?.response?.status, 200);
  });

  it('a pre-request script sets request.variables for its own request, outranking a file variable', async () => {
    const ctx = contextFor(`@n = file\n###\n< {%\n  request.variables.set("n", "script-" + request.method);\n  client.log("pre ran for " + request.url.getRaw());\n%}\nGET ${server.url}/v?n={{n}}\n###\nGET ${server.url}/w?n={{n}}\n`);
    const results = await runAll(ctx);
    assert.deepEqual(server.requests.slice(-2).map((r) => r.url), ['/v?n=script-GET', '/w?n=file']);
    assert.deepEqual(results[0].logs.map((l) => [l.text, l.location.line]), [[`pre ran for ${server.url}/v?n={{n}}`, 2]]);
  });

  it('a pre-request script that throws stops its request: nothing is sent, "pre-request script" fails at file:line:col, the next request runs', async () => {
    const ctx = contextFor(`< {%\n  request.variables.set("n", "1");\n  undefinedCall();\n%}\nGET ${server.url}/pre-throws\n?? status == 200\n###\nGET ${server.url}/after-throw\n`);
    const before = server.requests.length;
    const results = await runAll(ctx);
    assert.deepEqual(server.requests.slice(before).map((r) => r.url), ['/after-throw']);
    assert.equal(results[0].exchange, undefined);
    assert.equal(results[0].error?.code, 'SCRIPT');
    assert.deepEqual(results[0].tests.map((t) => [t.kind, t.name, t.passed]), [['pre-request-script', 'pre-request script', false], ['assertion', 'status == 200', false]]);
    assert.match(results[0].tests[0].message ?? '', /^\/tmp\/runner-test\/requests\.http:3:3: ReferenceError: /);
    assert.equal(results[0].tests[0].failureLocation?.line, 2);
    assert.match(results[0].tests[1].message ?? '', /^no response: The pre-request script failed, so the request was not sent: /);
    assert.equal(results[1].exchange?.response?.status, 200);
  });

  it('a pre-request script over its time or memory limit stops its request; a failed client.test in one does not', async () => {
    const limits = { timeMs: 300, memoryMb: 16, stackKb: 128 };
    const ctx = contextFor(`< {% while (true) {} %}\nGET ${server.url}/pre-loop\n###\n< {% var a = []; for (;;) a.push("x".repeat(1e5) + a.length); %}\nGET ${server.url}/pre-memory\n###\n< {% client.test("fails", function () { client.assert(false, "no"); }); %}\nGET ${server.url}/pre-test-fails\n`, { scriptLimits: limits });
    const before = server.requests.length;
    const results = await runAll(ctx);
    assert.deepEqual(server.requests.slice(before).map((r) => r.url), ['/pre-test-fails']);
    assert.match(results[0].tests[0].message ?? '', /requests\.http:1:5: stopped after 300 ms \(the script time limit\)/);
    assert.match(results[1].tests[0].message ?? '', /requests\.http:4:\d+: out of memory \(the script memory limit is 16 MB\)/);
    assert.deepEqual(results.map((r) => r.tests.map((t) => [t.name, t.passed])), [
      [['pre-request script', false]],
      [['pre-request script', false]],
      [['fails', false], ['got a response', true]],
    ]);
  });

  it('a catastrophic ?? matches pattern fails its test at the script time limit (run in the sandbox, not on the host); the run goes on', async () => {
    const ctx = contextFor(`GET ${server.url}/a?c=${'a'.repeat(3000)}!\n?? header set-cookie matches (a+)+$\n?? status == 200\n###\nGET ${server.url}/b\n`, { scriptLimits: { timeMs: 300, memoryMb: 32, stackKb: 128 } });
    const started = Date.now();
    const results = await runAll(ctx);
    assert.ok(Date.now() - started < 5000);
    assert.deepEqual(results[0].tests.map((t) => [t.name, t.passed]), [['header set-cookie matches (a+)+$', false], ['status == 200', true]]);
    assert.equal(results[0].tests[0].message, 'header set-cookie: the pattern (a+)+$ could not be checked: stopped after 300 ms (the script time limit)');
    assert.equal(results[1].exchange?.response?.status, 200);
  });

  it('> ./handler.js is read relative to the .http file; errors name the .js file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'http-session-handlers-'));
    writeFileSync(join(dir, 'check.js'), 'client.test("is 200", function () {\n  client.assert(response.status === 200);\n});\nclient.log("from file");\nnope();\n');
    const ctx = contextFor(`GET ${server.url}/a\n> ./check.js\n> ./missing.js\n`, { filePath: join(dir, 'api.http') });
    const [result] = await runAll(ctx);
    assert.deepEqual(result.logs.map((l) => l.text), ['from file']);
    assert.deepEqual(result.tests.map((t) => [t.name, t.passed]), [['is 200', true], ['response handler', false], ['response handler', false]]);
    assert.match(result.tests[1].message ?? '', new RegExp(`${join(dir, 'check.js').replace(/[/\\.]/g, '\\$&')}:5:\\d+: ReferenceError`));
    assert.match(result.tests[2].message ?? '', /Script file '.\/missing.js' on line 3 cannot be read: it does not exist/);
  });

  it('in Restricted Mode a handler file outside the workspace is refused like a body file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'http-session-restricted-'));
    const outside = mkdtempSync(join(tmpdir(), 'http-session-outside-'));
    writeFileSync(join(outside, 'evil.js'), 'client.global.set("x", "1")');
    const ctx = contextFor(`GET ${server.url}/a\n> ${join(outside, 'evil.js')}\n`, { filePath: join(dir, 'api.http'), restricted: true, workspaceRoot: dir });
    const [result] = await runAll(ctx);
    assert.match(result.tests[0].message ?? '', /Script file .* is outside the workspace/);
    assert.equal(ctx.sessions.get('default').globals.size, 0);
  });

  it('a request that gets no response fails every declared test', async () => {
    const ctx = contextFor('GET http://127.0.0.1:9/down\n?? status == 200\n> {% client.test("x", function () {}) %}\n', {}, { timeoutMs: 2000 });
    const [result] = await runAll(ctx);
    assert.deepEqual(result.tests.map((t) => [t.name, t.passed]), [['status == 200', false], ['response handler', false]]);
    assert.match(result.tests[0].message ?? '', /^no response: /);
  });

  it('>> ./out.json saves the body, picking out-1.json when it exists; >>! overwrites', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'http-session-save-'));
    const ctx = contextFor(`POST ${server.url}/login\n>> ./saved/out.json\n###\nPOST ${server.url}/login\n>> ./saved/out.json\n###\nGET ${server.url}/a\n>>! ./saved/out.json\n`, { filePath: join(dir, 'api.http') });
    const results = await runAll(ctx);
    assert.deepEqual(results.map((r) => r.warnings), [[], [], []]);
    assert.equal(readFileSync(join(dir, 'saved', 'out.json'), 'utf8'), 'ok');
    assert.equal(readFileSync(join(dir, 'saved', 'out-1.json'), 'utf8'), '{"token":"tok-1"}');
  });

  it('in Restricted Mode >> outside the workspace is refused with a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'http-session-save-r-'));
    const outside = mkdtempSync(join(tmpdir(), 'http-session-save-o-'));
    const ctx = contextFor(`GET ${server.url}/a\n>>! ${join(outside, 'x.txt')}\n`, { filePath: join(dir, 'api.http'), restricted: true, workspaceRoot: dir });
    const [result] = await runAll(ctx);
    assert.match(result.warnings.join('\n'), /not saved: Response file .* is outside the workspace/);
    assert.equal(existsSync(join(outside, 'x.txt')), false);
  });

  it('globals are saved with the session and read back; an older file without globals still loads', () => {
    const session = new Session('default');
    session.setGlobal('token', 'abc');
    const json = JSON.parse(JSON.stringify(new SessionStore().toJSON()));
    json.sessions.default = session.toJSON();
    assert.equal(SessionStore.fromJSON(json).get('default').globals.get('token'), 'abc');
    delete json.sessions.default.globals;
    assert.equal(SessionStore.fromJSON(json).get('default').globals.size, 0);
    json.sessions.default.globals = { token: 5 };
    assert.throws(() => SessionStore.fromJSON(json), /bad shape/);
  });
});
