import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startServer } from '../../support/startServer';
import type { TestServer } from '../../support/startServer';
import { contextFor, runAll, runNamed } from './runnerSupport';

describe('# @retry: idempotent requests retried on no response or 502/503/504, with backoff', () => {
  let server: TestServer;
  /** Status answers per path, consumed in order; then 200. */
  const plan = new Map<string, number[]>();
  const contexts: Array<ReturnType<typeof contextFor>> = [];
  function ctxFor(text: string, settings: Record<string, unknown> = {}): ReturnType<typeof contextFor> {
    const ctx = contextFor(text, {}, { retryBackoffMs: 20, ...settings });
    contexts.push(ctx);
    return ctx;
  }
  before(async () => {
    server = await startServer((req, res) => {
      req.resume();
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const status = plan.get(path)?.shift() ?? 200;
      res.writeHead(status, status === 503 ? { 'Retry-After': '0' } : {}).end(`try ${server.requests.length}`);
    });
  });
  beforeEach(() => { server.requests.length = 0; plan.clear(); });
  afterEach(async () => { await Promise.all(contexts.splice(0).map((c) => c.sessions.close())); });
  after(() => server.close());

  it('a GET that gets 503 then 502 is sent again until it succeeds; each try shows in the timings', async () => {
    plan.set('/flaky', [503, 502]);
    const result = await runNamed(ctxFor(`# @retry 3\nGET ${server.url}/flaky\n`), 0);
    assert.equal(result.exchange?.response?.status, 200);
    assert.equal(server.requests.length, 3);
    assert.deepEqual(result.exchange?.timings.tries?.map((t) => t.outcome), ['503', '502', '200']);
    assert.deepEqual(result.exchange?.timings.tries?.map((t) => t.waitedMs), [0, 20, 40], 'backoff doubles');
    assert.deepEqual(result.exchange?.hops.map((h) => h.status), [503, 502, 200]);
  });

  it('stops after N retries and shows the last response', async () => {
    plan.set('/down', [504, 504, 504, 504]);
    const result = await runNamed(ctxFor(`# @retry 2\nGET ${server.url}/down\n`), 0);
    assert.equal(result.exchange?.response?.status, 504);
    assert.equal(server.requests.length, 3);
  });

  it('a POST is never retried (not idempotent); a 500 is not retried', async () => {
    plan.set('/post', [503]);
    plan.set('/err', [500]);
    const ctx = ctxFor(`# @retry 3\nPOST ${server.url}/post\n###\n# @retry 3\nGET ${server.url}/err\n`);
    const results = await runAll(ctx);
    assert.deepEqual(results.map((r) => r.exchange?.response?.status), [503, 500]);
    assert.equal(server.requests.length, 2);
  });

  it('the setting retries every idempotent request; # @retry 0 turns it off for one', async () => {
    plan.set('/a', [503]);
    plan.set('/b', [503]);
    const ctx = ctxFor(`GET ${server.url}/a\n###\n# @retry 0\nGET ${server.url}/b\n`, { retries: 1 });
    const results = await runAll(ctx);
    assert.deepEqual(results.map((r) => r.exchange?.response?.status), [200, 503]);
  });

  it('no response (connection refused) is retried, and the error is kept when every try fails', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const result = await runNamed(ctxFor(`# @retry 2\nGET http://127.0.0.1:${port}/\n`), 0);
    assert.equal(result.error?.code, 'REFUSED');
    assert.deepEqual(result.exchange?.timings.tries?.map((t) => t.outcome), ['REFUSED', 'REFUSED', 'REFUSED']);
  });

  it('a bad @retry value is an error naming the line; nothing is sent', async () => {
    const result = await runNamed(ctxFor(`# @retry lots\nGET ${server.url}/x\n`), 0);
    assert.match(result.error?.describe() ?? '', /requests\.http:1: @retry needs a whole number/);
    assert.equal(server.requests.length, 0);
  });
});

describe('# @session-param: default query parameters of the session (s.params)', () => {
  let server: TestServer;
  const contexts: Array<ReturnType<typeof contextFor>> = [];
  before(async () => { server = await startServer((req, res) => { req.resume(); res.end('ok'); }); });
  beforeEach(() => { server.requests.length = 0; });
  afterEach(async () => { await Promise.all(contexts.splice(0).map((c) => c.sessions.close())); });
  after(() => server.close());

  it('a prologue param goes on every request; the request\'s own parameter of the same name wins', async () => {
    const ctx = contextFor(`# @session-param api-version {{v}}\n###\nGET ${server.url}/a\n###\nGET ${server.url}/b?api-version=old&q=a%20b\n`, { environment: { v: '2024 01' } });
    contexts.push(ctx);
    await runAll(ctx);
    assert.deepEqual(server.requests.map((r) => r.url), ['/a?api-version=2024%2001', '/b?api-version=old&q=a%20b']);
    assert.deepEqual([...ctx.sessions.get('default').defaultParams], [['api-version', '2024 01']]);
  });

  it('a request block\'s param is kept after a <400 response and sent by later requests; Clear Session drops it', async () => {
    const ctx = contextFor(`# @session-param tenant t1\nGET ${server.url}/login\n###\nGET ${server.url}/next\n`);
    contexts.push(ctx);
    await runAll(ctx);
    assert.deepEqual(server.requests.map((r) => r.url), ['/login', '/next?tenant=t1']);
    await ctx.sessions.clear();
    await runNamed(ctx, 1);
    assert.equal(server.requests.at(-1)?.url, '/next');
  });
});
