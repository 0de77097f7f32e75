import * as assert from 'node:assert/strict';
import { Agent, type Dispatcher } from 'undici';
import { createDispatcher } from '../../../src/core/http/createDispatcher';
import { sendHop } from '../../../src/core/http/sendHop';
import { enormousHeaders, invalidGzip, noAnswer, resetMidBody, slowDrip, truncatedChunked } from '../../support/misbehave';
import { rawServer, type RawServer } from '../../support/rawServer';
import { startServer } from '../../support/startServer';
import { get, rejectsWith, testOptions } from './hopTestKit';

describe('sendHop: broken and hostile servers give one clear typed error', () => {
  let dispatcher: Dispatcher;
  const servers: RawServer[] = [];
  const serve = async (behaviour: Parameters<typeof rawServer>[0]): Promise<RawServer> => {
    const server = await rawServer(behaviour);
    servers.push(server);
    return server;
  };

  beforeEach(() => { dispatcher = createDispatcher({ rejectUnauthorized: true }); });
  afterEach(async () => {
    await dispatcher.destroy();
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('a closed port is REFUSED, naming host and port', async () => {
    const gone = await startServer((_req, res) => { res.end(); });
    const port = gone.port;
    await gone.close();
    const err = await rejectsWith(sendHop(dispatcher, get(`http://127.0.0.1:${port}/`), testOptions()), 'REFUSED');
    assert.equal(err.message, `Connection refused by 127.0.0.1:${port}: is the server running?`);
    assert.ok(err.cause, 'keeps the network error as cause');
  });

  it('a server that never answers is a TIMEOUT after timeoutMs', async () => {
    const server = await serve(noAnswer);
    const started = performance.now();
    const err = await rejectsWith(sendHop(dispatcher, get(server.url), testOptions({ timeoutMs: 300 })), 'TIMEOUT');
    const elapsed = performance.now() - started;
    assert.equal(err.message, 'No response within 0.3 s (timeout).');
    assert.ok(elapsed >= 280 && elapsed < 2_000, `took ${elapsed.toFixed(0)} ms`);
  });

  it('the timeout covers the body too: a slow drip is cut at timeoutMs', async () => {
    const server = await serve(slowDrip(1000, 50));
    const started = performance.now();
    const err = await rejectsWith(sendHop(dispatcher, get(server.url), testOptions({ timeoutMs: 400 })), 'TIMEOUT');
    assert.match(err.message, /body did not finish within 0.4 s/);
    assert.ok(performance.now() - started < 2_000);
  });

  it('aborting the signal while waiting is CANCELLED, promptly', async () => {
    const server = await serve(noAnswer);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const err = await rejectsWith(sendHop(dispatcher, get(server.url), testOptions({ signal: controller.signal })), 'CANCELLED');
    assert.equal(err.message, 'Request cancelled.');
    assert.ok(performance.now() - started < 1_000);
  });

  it('an already aborted signal is CANCELLED without connecting', async () => {
    const server = await serve(noAnswer);
    await rejectsWith(sendHop(dispatcher, get(server.url), testOptions({ signal: AbortSignal.abort() })), 'CANCELLED');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(server.connections, 0);
  });

  it('aborting while the body drips in is CANCELLED', async () => {
    const server = await serve(slowDrip(1000, 20));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    await rejectsWith(sendHop(dispatcher, get(server.url), testOptions({ signal: controller.signal })), 'CANCELLED');
  });

  it('a connection reset in the middle of the body is RESET', async () => {
    const server = await serve(resetMidBody);
    const err = await rejectsWith(sendHop(dispatcher, get(server.url), testOptions()), 'RESET');
    assert.equal(err.message, 'Connection reset by the server while reading the body.');
  });

  it('truncated chunked encoding (connection closed before the last chunk) is RESET', async () => {
    const server = await serve(truncatedChunked);
    const err = await rejectsWith(sendHop(dispatcher, get(server.url), testOptions()), 'RESET');
    assert.match(err.message, /while reading the body/);
  });

  it('a body announced as gzip that is not gzip is DECODE', async () => {
    const server = await serve(invalidGzip);
    const err = await rejectsWith(sendHop(dispatcher, get(server.url), testOptions()), 'DECODE');
    assert.match(err.message, /^Could not decode the gzip response body: /);
  });

  it('response headers over 64 KiB are PROTOCOL with a clear message', async () => {
    const server = await serve(enormousHeaders(128 * 1024));
    const err = await rejectsWith(sendHop(dispatcher, get(server.url), testOptions()), 'PROTOCOL');
    assert.equal(err.message, `The response headers from 127.0.0.1:${server.port} exceed 64 KiB; the response was refused.`);
  });

  it('response headers of 40 KiB (over Node\'s 16 KiB default, under our 64 KiB) are accepted', async () => {
    const server = await serve(enormousHeaders(40 * 1024));
    const result = await sendHop(dispatcher, get(server.url), testOptions());
    assert.equal(result.status, 200);
    assert.ok(result.headers.filter(([n]) => n === 'X-Filler').length >= 39);
  });

  it('a name that does not resolve is DNS, naming the host', async () => {
    // Real undici with a resolver that answers as getaddrinfo does for an unknown name: no DNS traffic leaves the machine.
    const lookup = (hostname: string, _opts: unknown, cb: (err: Error) => void): void => {
      cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }));
    };
    const agent = new Agent({ connect: { lookup } as never });
    try {
      const err = await rejectsWith(sendHop(agent, get('http://no-such-host.invalid/'), testOptions()), 'DNS');
      assert.equal(err.message, 'Could not resolve the host name no-such-host.invalid (DNS lookup failed).');
    } finally {
      await agent.destroy();
    }
  });

  it('after each failure the same dispatcher still serves the next request', async () => {
    const good = await startServer((_req, res) => { res.end('fine'); });
    try {
      for (const behaviour of [resetMidBody, truncatedChunked, invalidGzip, enormousHeaders(128 * 1024)]) {
        const bad = await serve(behaviour);
        await assert.rejects(sendHop(dispatcher, get(bad.url), testOptions()));
        const result = await sendHop(dispatcher, get(good.url), testOptions());
        assert.equal(Buffer.from(result.body).toString(), 'fine');
      }
    } finally {
      await good.close();
    }
  });
});

describe('sendHop: a closed pool', () => {
  it('a request on a pool that was closed (Clear Session) is CANCELLED, not a network error', async () => {
    const server = await startServer((_req, res) => { res.end('x'); });
    const dispatcher = createDispatcher({ rejectUnauthorized: true });
    try {
      await sendHop(dispatcher, get(server.url), testOptions());
      await dispatcher.close();
      const err = await rejectsWith(sendHop(dispatcher, get(server.url), testOptions()), 'CANCELLED');
      assert.match(err.message, /session's connections were closed/);
    } finally {
      await server.close();
    }
  });
});
