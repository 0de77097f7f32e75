import * as assert from 'node:assert/strict';
import { Session } from '../../../src/core/session/session';
import { selfSignedCert } from '../../support/selfSignedCert';
import { startServer } from '../../support/startServer';
import type { TestServer } from '../../support/startServer';
import { startTlsServer } from '../../support/startTlsServer';
import { mappedAgent } from './mappedAgent';
import { headerValues, redirectingHandler, redirectPath, send } from './sendSupport';

describe('session.md: redirects, followed by the engine hop by hop', () => {
  let a: TestServer; // 127.0.0.1
  let a2: TestServer; // 127.0.0.1, another port
  let b: TestServer; // 127.0.0.2, another host
  let tls: TestServer; // https on 127.0.0.1, also reached as https://app.test/
  let session: Session;
  let app: string; // http://app.test (default port 80) → a
  const appHttps = 'https://app.test';

  before(async () => {
    a = await startServer(redirectingHandler);
    a2 = await startServer(redirectingHandler);
    b = await startServer(redirectingHandler, { host: '127.0.0.2' });
    const keyAndCert = selfSignedCert(['DNS:app.test', 'IP:127.0.0.1', 'DNS:localhost']);
    tls = await startTlsServer(redirectingHandler, { keyAndCert });
    app = 'http://app.test';
    const routes = { 'app.test:80': { host: '127.0.0.1', port: a.port }, 'app.test:443': { host: '127.0.0.1', port: tls.port } };
    session = new Session('default', mappedAgent(routes, keyAndCert.cert));
  });
  beforeEach(async () => {
    await session.clear();
    for (const server of [a, a2, b, tls]) server.requests.length = 0;
  });
  after(async () => {
    await session.closePools();
    await Promise.all([a, a2, b, tls].map((s) => s.close()));
  });

  for (const status of [301, 302, 303, 307, 308]) {
    it(`follows a ${status} redirect`, async () => {
      const exchange = await send(session, 'GET', `${a.url}${redirectPath('/final', status)}`);
      assert.equal(exchange.error, undefined);
      assert.equal(exchange.response?.status, 200);
      assert.deepEqual(exchange.hops.map((h) => [h.request.url, h.status]), [[`${a.url}${redirectPath('/final', status)}`, status], [`${a.url}/final`, 200]]);
    });
  }

  it('303 becomes GET and drops the body, Content-Type, Content-Length and Transfer-Encoding', async () => {
    await send(session, 'POST', `${a.url}${redirectPath('/final', 303)}`, [['Content-Type', 'application/json'], ['X-Keep', '1']], '{"a":1}');
    const final = a.requests[1];
    assert.equal(final.method, 'GET');
    assert.deepEqual(headerValues(final, 'content-type'), []);
    assert.deepEqual(headerValues(final, 'content-length'), []);
    assert.deepEqual(headerValues(final, 'transfer-encoding'), []);
    assert.deepEqual(headerValues(final, 'x-keep'), ['1']);
  });

  it('303 keeps HEAD as HEAD', async () => {
    await send(session, 'HEAD', `${a.url}${redirectPath('/final', 303)}`);
    assert.deepEqual(a.requests.map((r) => r.method), ['HEAD', 'HEAD']);
  });

  it('303 turns PUT into GET', async () => {
    await send(session, 'PUT', `${a.url}${redirectPath('/final', 303)}`, [['Content-Type', 'text/plain']], 'x');
    assert.deepEqual(a.requests.map((r) => r.method), ['PUT', 'GET']);
  });

  for (const status of [301, 302]) {
    it(`${status} turns POST into GET without body headers`, async () => {
      const exchange = await send(session, 'POST', `${a.url}${redirectPath('/final', status)}`, [['Content-Type', 'text/plain']], 'payload');
      assert.deepEqual(a.requests.map((r) => r.method), ['POST', 'GET']);
      assert.deepEqual(headerValues(a.requests[1], 'content-type'), []);
      assert.equal(JSON.parse(Buffer.from(exchange.response?.body ?? []).toString()).body, '');
    });

    it(`${status} keeps a PUT as PUT with its body`, async () => {
      const exchange = await send(session, 'PUT', `${a.url}${redirectPath('/final', status)}`, [['Content-Type', 'text/plain']], 'payload');
      assert.deepEqual(a.requests.map((r) => r.method), ['PUT', 'PUT']);
      assert.equal(JSON.parse(Buffer.from(exchange.response?.body ?? []).toString()).body, 'payload');
    });
  }

  for (const status of [307, 308]) {
    it(`${status} keeps method and body`, async () => {
      const exchange = await send(session, 'POST', `${a.url}${redirectPath('/final', status)}`, [['Content-Type', 'application/json']], '{"a":1}');
      assert.deepEqual(a.requests.map((r) => r.method), ['POST', 'POST']);
      assert.deepEqual(headerValues(a.requests[1], 'content-type'), ['application/json']);
      assert.deepEqual(JSON.parse(Buffer.from(exchange.response?.body ?? []).toString()), { method: 'POST', body: '{"a":1}' });
    });
  }

  it('max redirects → error naming the chain (default 10, so at most 11 requests)', async () => {
    const exchange = await send(session, 'GET', `${a.url}/loop`);
    assert.equal(exchange.error?.code, 'TOO_MANY_REDIRECTS');
    assert.equal(exchange.response, undefined);
    assert.equal(a.requests.length, 11);
    assert.equal(exchange.hops.length, 11);
    assert.match(exchange.error?.message ?? '', /More than 10 redirects/);
    assert.ok(exchange.error?.message.includes(`${a.url}/loop (302) → ${a.url}/loop?n=1 (302)`));
    assert.ok(exchange.error?.message.includes(`${a.url}/loop?n=10 (302)`));
  });

  it('exactly maxRedirects redirects still succeed', async () => {
    let url = '/final';
    for (let i = 0; i < 3; i++) url = redirectPath(url);
    const exchange = await send(session, 'GET', `${a.url}${url}`, [], undefined, { maxRedirects: 3 });
    assert.equal(exchange.response?.status, 200);
    assert.equal(a.requests.length, 4);
  });

  it('@no-redirect shows the redirect response itself', async () => {
    const exchange = await send(session, 'GET', `${a.url}${redirectPath('/final', 302)}`, [], undefined, { followRedirects: false });
    assert.equal(exchange.response?.status, 302);
    assert.equal(a.requests.length, 1);
  });

  it('a relative Location is resolved against the current URL', async () => {
    const exchange = await send(session, 'GET', `${a.url}/dir/${redirectPath('../other/final').slice(1)}`);
    assert.equal(exchange.hops[1].request.url, `${a.url}/other/final`);
  });

  it('a Location with a non-http(s) scheme is an UNSUPPORTED_SCHEME error', async () => {
    const exchange = await send(session, 'GET', `${a.url}${redirectPath('ftp://127.0.0.1/file')}`);
    assert.equal(exchange.error?.code, 'UNSUPPORTED_SCHEME');
    assert.match(exchange.error?.message ?? '', /ftp:\/\/127\.0\.0\.1\/file/);
    assert.equal(exchange.hops.length, 1);
  });

  it('each redirect hop\'s Set-Cookie is stored before the next hop', async () => {
    const exchange = await send(session, 'POST', `${a.url}${redirectPath('/home', 303, ['sid=s1; Path=/', 'theme=dark'])}`);
    assert.deepEqual(headerValues(a.requests[1], 'cookie'), ['sid=s1; theme=dark']);
    assert.deepEqual(exchange.cookies.stored.map((c) => c.name), ['sid', 'theme']);
    assert.deepEqual(exchange.cookies.sent, []);
  });

  it('the Cookie header is computed afresh from the jar for each hop', async () => {
    const last = redirectPath('/final', 302, ['a=; Max-Age=0', 'b=2']);
    await send(session, 'GET', `${a.url}${redirectPath(last, 302, ['a=1'])}`);
    assert.deepEqual(a.requests.map((r) => headerValues(r, 'cookie')), [[], ['a=1'], ['b=2']]);
  });

  it('the request\'s own Cookie pairs go along on same-origin hops only', async () => {
    await send(session, 'GET', `${a.url}${redirectPath(`${b.url}/final`)}`, [['Cookie', 'mine=1']]);
    assert.deepEqual(headerValues(a.requests[0], 'cookie'), ['mine=1']);
    assert.deepEqual(headerValues(b.requests[0], 'cookie'), []);
  });

  const credentials: Array<[string, string]> = [['Authorization', 'Bearer secret'], ['Proxy-Authorization', 'Basic cHJveHk6cHc=']];
  function credentialHeaders(request: (typeof a.requests)[number] | undefined): string[] {
    return [...headerValues(request, 'authorization'), ...headerValues(request, 'proxy-authorization')];
  }

  it('credentials dropped when the host changes', async () => {
    await send(session, 'GET', `${a.url}${redirectPath(`${b.url}/final`)}`, credentials);
    assert.deepEqual(credentialHeaders(a.requests[0]), ['Bearer secret', 'Basic cHJveHk6cHc=']);
    assert.deepEqual(credentialHeaders(b.requests[0]), []);
  });

  it('credentials dropped when only the port changes', async () => {
    await send(session, 'GET', `${a.url}${redirectPath(`${a2.url}/final`)}`, credentials);
    assert.equal(credentialHeaders(a.requests[0]).length, 2);
    assert.deepEqual(credentialHeaders(a2.requests[0]), []);
  });

  it('credentials dropped on https→http of the same host with default ports', async () => {
    await send(session, 'GET', `${appHttps}${redirectPath(`${app}/final`)}`, credentials);
    assert.equal(tls.requests.length, 1);
    assert.equal(credentialHeaders(tls.requests[0]).length, 2);
    assert.deepEqual(credentialHeaders(a.requests[0]), []);
    assert.deepEqual(headerValues(a.requests[0], 'host'), ['app.test']);
  });

  it('credentials dropped on http→https when a port is not the default', async () => {
    await send(session, 'GET', `${a.url}${redirectPath(`https://127.0.0.1:${tls.port}/final`)}`, credentials);
    assert.equal(credentialHeaders(a.requests[0]).length, 2);
    assert.deepEqual(credentialHeaders(tls.requests[0]), []);
  });

  it('credentials kept on http→https of the same host on default ports', async () => {
    const exchange = await send(session, 'GET', `${app}${redirectPath(`${appHttps}/final`)}`, credentials);
    assert.equal(exchange.response?.status, 200, exchange.error?.message);
    assert.deepEqual(credentialHeaders(tls.requests[0]), ['Bearer secret', 'Basic cHJveHk6cHc=']);
  });

  it('credentials once dropped stay dropped, even when a later hop returns to the first host', async () => {
    await send(session, 'GET', `${a.url}${redirectPath(`${b.url}${redirectPath(`${a.url}/final`)}`)}`, credentials);
    assert.equal(a.requests.length, 2);
    assert.equal(credentialHeaders(a.requests[0]).length, 2);
    assert.deepEqual(credentialHeaders(b.requests[0]), []);
    assert.deepEqual(credentialHeaders(a.requests[1]), []);
  });

  it('every hop shows the request as sent and the response status and headers', async () => {
    const exchange = await send(session, 'GET', `${a.url}${redirectPath('/final', 302, ['k=v'])}`);
    assert.equal(exchange.hops.length, 2);
    assert.equal(exchange.hops[0].status, 302);
    assert.ok(exchange.hops[0].headers.some(([n, v]) => n.toLowerCase() === 'location' && v === '/final'));
    assert.deepEqual(exchange.hops[1].request.headers.filter(([n]) => n === 'Cookie'), [['Cookie', 'k=v']]);
    assert.equal(exchange.hops[1].status, 200);
  });
});
