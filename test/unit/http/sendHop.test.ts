import * as assert from 'node:assert/strict';
import type { Dispatcher } from 'undici';
import { closeDispatcher, createDispatcher } from '../../../src/core/http/createDispatcher';
import { sendHop } from '../../../src/core/http/sendHop';
import { startServer, type TestServer } from '../../support/startServer';
import { get, rejectsWith, testOptions } from './hopTestKit';

describe('sendHop: one request, one response', () => {
  let server: TestServer;
  let dispatcher: Dispatcher;
  const bodies: string[] = [];

  before(async () => {
    server = await startServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      bodies.push(Buffer.concat(chunks).toString());
      if (req.url === '/cookies') {
        res.setHeader('Set-Cookie', ['a=1; Path=/', 'b=2, with comma; Path=/', 'c=3']);
        res.setHeader('X-Mixed-Case', 'yes');
        res.end('ok');
      } else if (req.url === '/redirect') {
        res.writeHead(302, { Location: '/elsewhere' }).end('moved');
      } else if (req.url === '/teapot') {
        res.writeHead(418, 'Short And Stout').end();
      } else {
        res.end('hello');
      }
    });
    dispatcher = createDispatcher({ rejectUnauthorized: true });
  });
  after(async () => {
    await closeDispatcher(dispatcher);
    await server.close();
  });

  it('sends method, repeated headers in order and the body bytes as given', async () => {
    const result = await sendHop(dispatcher, {
      method: 'POST',
      url: `${server.url}/echo?q=1#fragment`,
      headers: [['X-Multi', 'one'], ['Content-Type', 'text/plain'], ['X-Multi', 'two']],
      body: new TextEncoder().encode('payload ü'),
    }, testOptions());
    assert.equal(result.status, 200);
    const seen = server.requests.at(-1)!;
    assert.equal(seen.method, 'POST');
    assert.equal(seen.url, '/echo?q=1');
    assert.deepEqual(seen.headers.filter(([n]) => n === 'X-Multi'), [['X-Multi', 'one'], ['X-Multi', 'two']]);
    assert.equal(bodies.at(-1), 'payload ü');
  });

  it('keeps each Set-Cookie as a separate header, in order, with original name case', async () => {
    const result = await sendHop(dispatcher, get(`${server.url}/cookies`), testOptions());
    assert.deepEqual(result.headers.filter(([n]) => n.toLowerCase() === 'set-cookie').map(([, v]) => v),
      ['a=1; Path=/', 'b=2, with comma; Path=/', 'c=3']);
    assert.ok(result.headers.some(([n, v]) => n === 'X-Mixed-Case' && v === 'yes'));
    assert.equal(new TextDecoder().decode(result.body), 'ok');
    assert.equal(result.truncated, false);
    assert.equal(result.httpVersion, '1.1');
  });

  it('does not follow redirects: the 3xx itself is the result', async () => {
    const result = await sendHop(dispatcher, get(`${server.url}/redirect`), testOptions());
    assert.equal(result.status, 302);
    assert.equal(result.statusText, 'Found');
    assert.deepEqual(result.headers.find(([n]) => n.toLowerCase() === 'location'), ['Location', '/elsewhere']);
  });

  it("reports the server's own reason phrase as statusText", async () => {
    const result = await sendHop(dispatcher, get(`${server.url}/teapot`), testOptions());
    assert.equal(result.status, 418);
    assert.equal(result.statusText, 'Short And Stout');
  });

  it('measures time to headers and body reading in ms', async () => {
    const result = await sendHop(dispatcher, get(`${server.url}/`), testOptions());
    assert.ok(result.timings.headersMs > 0 && result.timings.headersMs < 5_000);
    assert.ok(result.timings.bodyMs >= 0 && result.timings.bodyMs < 5_000);
  });

  it('refuses non-http schemes and malformed URLs before sending anything', async () => {
    const before = server.requests.length;
    const err = await rejectsWith(sendHop(dispatcher, get('ftp://127.0.0.1/file'), testOptions()), 'UNSUPPORTED_SCHEME');
    assert.match(err.message, /ftp:/);
    await rejectsWith(sendHop(dispatcher, get('http://'), testOptions()), 'INVALID_URL');
    assert.equal(server.requests.length, before);
  });

  it('a Content-Length that does not match the body is INVALID_HEADER and nothing reaches the server', async () => {
    const before = server.requests.length;
    const body = new TextEncoder().encode('abc');
    await rejectsWith(sendHop(dispatcher, { method: 'POST', url: server.url, headers: [['Content-Length', '10']], body }, testOptions()), 'INVALID_HEADER');
    assert.equal(server.requests.length, before);
  });

  it('a Transfer-Encoding header is INVALID_HEADER naming the header (the connection frames the body itself)', async () => {
    const body = new TextEncoder().encode('abc');
    const err = await rejectsWith(sendHop(dispatcher, { method: 'POST', url: server.url, headers: [['Transfer-Encoding', 'chunked']], body }, testOptions()), 'INVALID_HEADER');
    assert.match(err.message, /transfer-encoding header is managed by the connection/);
  });
});
