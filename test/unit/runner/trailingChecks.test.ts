import * as assert from 'node:assert/strict';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { runEach } from '../../../src/core/runner/runFile';
import { TrailingChecks, mayTrail } from '../../../src/core/runner/trailingChecks';
import type { RunResult } from '../../../src/core/runner/types';
import { startServer } from '../../support/startServer';
import type { TestServer } from '../../support/startServer';
import { appHandler, contextFor } from './runnerSupport';

/** A response handler that keeps the sandbox busy for `ms` (well past a loopback round trip), then runs `then`. */
const slowHandler = (ms: number, then = ''): string => `> {% var until = Date.now() + ${ms}; while (Date.now() < until) {} ${then} %}`;

describe('runEach: a request\'s checks run while the next request goes out, when it does not need them', function () {
  this.timeout(20_000);
  let server: TestServer;
  before(async () => { server = await startServer(appHandler); });
  beforeEach(() => { server.requests.length = 0; });
  after(() => server.close());

  /** Runs the file; for each result, how many requests the server had seen when it was reported. */
  async function run(text: string): Promise<{ results: RunResult[]; seenAtReport: number[] }> {
    const ctx = contextFor(text);
    const results: RunResult[] = [];
    const seenAtReport: number[] = [];
    await runEach(ctx, ctx.file.requests, (result) => {
      results.push(result);
      seenAtReport.push(server.requests.length);
    });
    return { results, seenAtReport };
  }

  it('a request that reads no global is sent while the response handler before it still runs', async () => {
    const { results, seenAtReport } = await run(`GET ${server.url}/one\n${slowHandler(300)}\n\n###\nGET ${server.url}/two\n`);
    // The first result was reported after its slow handler: by then the second request had gone out.
    assert.deepEqual(seenAtReport, [2, 2]);
    assert.deepEqual(results.map((r) => r.tests.map((t) => [t.name, t.passed])), [[['got a response', true]], [['got a response', true]]]);
  });

  it('a request that reads a global waits for the handler before it and sends the value it set', async () => {
    const { results, seenAtReport } = await run(`GET ${server.url}/one\n${slowHandler(300, 'client.global.set("token", "set-late");')}\n\n###\nGET ${server.url}/two?t={{token}}\n`);
    assert.deepEqual(seenAtReport, [1, 2]);
    assert.equal(server.requests[1]?.url, '/two?t=set-late');
    assert.equal(results[1]?.error, undefined);
  });

  it('a global the handler before changes is sent with its new value, not the one the session held', async () => {
    const ctx = contextFor(`GET ${server.url}/one\n${slowHandler(200, 'client.global.set("v", "new");')}\n\n###\nGET ${server.url}/two?v={{v}}\n`);
    ctx.sessions.get('default').setGlobal('v', 'old');
    await runEach(ctx, ctx.file.requests, () => undefined);
    assert.equal(server.requests[1]?.url, '/two?v=new');
  });

  it('each handler sees the globals the handlers before it set, and results are reported in request order', async () => {
    const { results } = await run([
      `GET ${server.url}/one`, slowHandler(200, 'client.global.set("n", "1");'), '', '###',
      `GET ${server.url}/two`, '> {% var seen = client.global.get("n"); client.test("sees the first handler\'s global", function () { client.assert(seen === "1", "n was " + seen); }); client.global.set("n", "2"); %}', '', '###',
      `GET ${server.url}/three`, '> {% client.test("sees the second", function () { client.assert(client.global.get("n") === "2"); }); %}',
    ].join('\n'));
    assert.deepEqual(results.map((r) => r.request.url.replace(server.url, '')), ['/one', '/two', '/three']);
    assert.deepEqual(results.map((r) => r.tests.filter((t) => !t.passed).map((t) => `${t.name}: ${t.message}`)), [[], [], []]);
    assert.deepEqual(results.map((r) => r.tests.map((t) => t.name)), [['got a response'], ['sees the first handler\'s global'], ['sees the second']]);
  });

  it('a pre-request script waits for the handler before it (it reads the globals it set)', async () => {
    const { seenAtReport } = await run(`GET ${server.url}/one\n${slowHandler(300, 'client.global.set("g", "from-one");')}\n\n###\n< {% request.variables.set("x", client.global.get("g")); %}\nGET ${server.url}/two?x={{x}}\n`);
    assert.deepEqual(seenAtReport, [1, 2]);
    assert.equal(server.requests[1]?.url, '/two?x=from-one');
  });

  it('three slow handlers in a row hold back no request; they still run in order, each seeing the globals of the one before', async () => {
    const ctx = contextFor([
      `GET ${server.url}/one`, slowHandler(150, 'client.global.set("n", "1");'), '', '###',
      `GET ${server.url}/two`, slowHandler(150, 'client.global.set("n", client.global.get("n") + "2");'), '', '###',
      `GET ${server.url}/three`, slowHandler(150, 'client.global.set("n", client.global.get("n") + "3");'), '', '###',
      `GET ${server.url}/four`,
    ].join('\n'));
    const seenAtReport: number[] = [];
    const order: string[] = [];
    await runEach(ctx, ctx.file.requests, (result) => {
      seenAtReport.push(server.requests.length);
      order.push(result.request.url.replace(server.url, ''));
    });
    assert.deepEqual(seenAtReport, [4, 4, 4, 4]);
    assert.deepEqual(order, ['/one', '/two', '/three', '/four']);
    assert.equal(ctx.sessions.get('default').globals.get('n'), '123');
  });

  it('no request goes out once the checks before it failed (the failure is the run\'s)', async () => {
    const ctx = contextFor([1, 2, 3, 4, 5, 6].map((n) => `GET ${server.url}/n${n}`).join('\n\n###\n'));
    server.requests.length = 0;
    await assert.rejects(runEach(ctx, ctx.file.requests, () => { throw new Error('reporting failed'); }), /reporting failed/);
    assert.ok(server.requests.length <= 2, `${server.requests.length} requests went out`);
  });
});

describe('TrailingChecks: how far a run gets ahead of its checks', () => {
  it('room() waits while as many checks as allowed are pending, and resolves when the oldest is done', async () => {
    const trailing = new TrailingChecks({ requests: 2, bodyBytes: 1000 });
    let finishFirst!: () => void;
    const first = trailing.queue(() => new Promise<void>((resolve) => { finishFirst = resolve; }), 10);
    const second = trailing.queue(() => Promise.resolve(), 10);
    let roomMade = false;
    const room = trailing.room().then(() => { roomMade = true; });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(roomMade, false);
    finishFirst();
    await Promise.all([first, second, room]);
    assert.equal(roomMade, true);
  });

  it('room() also waits while the pending checks hold more response bytes than allowed', async () => {
    const trailing = new TrailingChecks({ requests: 100, bodyBytes: 1000 });
    let finish!: () => void;
    const big = trailing.queue(() => new Promise<void>((resolve) => { finish = resolve; }), 1500);
    let roomMade = false;
    const room = trailing.room().then(() => { roomMade = true; });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(roomMade, false);
    finish();
    await Promise.all([big, room]);
    assert.equal(roomMade, true);
  });

  it('checks run in the order queued, one at a time', async () => {
    const trailing = new TrailingChecks();
    const log: string[] = [];
    const step = (name: string, ms: number) => () => new Promise<void>((resolve) => { log.push(`${name} start`); setTimeout(() => { log.push(`${name} end`); resolve(); }, ms); });
    await Promise.all([trailing.queue(step('a', 30), 0), trailing.queue(step('b', 1), 0), trailing.queue(step('c', 10), 0)]);
    assert.deepEqual(log, ['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });
});

describe('mayTrail: which requests may go out while the checks before them run', () => {
  const blocks = (text: string) => {
    const file = parseHttpFile(text);
    return { file, requests: file.requests };
  };
  const parts = (file: ReturnType<typeof parseHttpFile>) => [file.prologue, file.variables];

  it('a plain request may; one with a pre-request script, # @note, # @prompt, # @ref or # @forceRef may not', () => {
    const { file, requests } = blocks([
      'GET http://127.0.0.1/plain', '###',
      '< {% request.variables.set("a", "1"); %}', 'GET http://127.0.0.1/pre', '###',
      '# @note are you sure?', 'DELETE http://127.0.0.1/note', '###',
      '# @prompt code', 'GET http://127.0.0.1/prompt?c={{code}}', '###',
      '# @name login', 'POST http://127.0.0.1/login', '###',
      '# @ref login', 'GET http://127.0.0.1/ref', '###',
      '# @forceRef login', 'GET http://127.0.0.1/force',
    ].join('\n'));
    assert.deepEqual(requests.map((r) => [r.url.replace('http://127.0.0.1', ''), mayTrail(r, parts(file))]), [
      ['/plain', true], ['/pre', false], ['/note', false], ['/prompt?c={{code}}', false], ['/login', true], ['/ref', false], ['/force', false],
    ]);
  });

  it('a request using an OAuth2 token may not (fetching one changes the session), whether named in it or in the file', () => {
    const own = blocks('GET http://127.0.0.1/a\nAuthorization: Bearer {{$auth.token("api")}}\n');
    assert.equal(mayTrail(own.requests[0], parts(own.file)), false);
    const viaFile = blocks('@auth = Bearer {{$auth.token("api")}}\n\nGET http://127.0.0.1/a\nAuthorization: {{auth}}\n');
    assert.equal(mayTrail(viaFile.requests[0], parts(viaFile.file)), false);
  });
});
