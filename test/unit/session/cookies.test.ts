import * as assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Session } from '../../../src/core/session/session';
import { startServer } from '../../support/startServer';
import type { TestServer } from '../../support/startServer';
import { mappedAgent } from './mappedAgent';
import { headerValues, redirectingHandler, send } from './sendSupport';

/** Answers 200 with the Set-Cookie values named by `?set=` (separate header lines) or fixed ones for /multi. */
function cookieHandler(req: IncomingMessage, res: ServerResponse): void {
  if (req.url === '/multi') {
    // Commas inside Expires are why Set-Cookie values must never be joined.
    res.setHeader('Set-Cookie', ['a=1; Expires=Wed, 09 Jun 2100 10:18:14 GMT', 'b=2; Expires=Thu, 10 Jun 2100 10:18:14 GMT; Path=/']);
    res.end('ok');
    return;
  }
  redirectingHandler(req, res);
}

describe('session.md: cookies through the session (merge rules and cookie handling that never fails a request)', () => {
  let server: TestServer;
  let session: Session;
  let url: string;

  before(async () => {
    server = await startServer(cookieHandler);
    url = server.url;
  });
  beforeEach(() => { server.requests.length = 0; });
  afterEach(async () => { await session?.closePools(); });
  after(async () => { await server.close(); });

  it('cookies set by one response are sent with the next request', async () => {
    session = new Session('default');
    await send(session, 'GET', `${url}/set?set=sid%3Dabc`);
    const exchange = await send(session, 'GET', `${url}/next`);
    assert.deepEqual(headerValues(server.requests[1], 'cookie'), ['sid=abc']);
    assert.deepEqual(exchange.cookies.sent, [{ name: 'sid', value: 'abc' }]);
  });

  it('Set-Cookie headers are read as separate values, never joined', async () => {
    session = new Session('default');
    const exchange = await send(session, 'GET', `${url}/multi`);
    assert.deepEqual(exchange.cookies.stored.map((c) => [c.name, c.value, c.expires]), [
      ['a', '1', '2100-06-09T10:18:14.000Z'],
      ['b', '2', '2100-06-10T10:18:14.000Z'],
    ]);
    assert.deepEqual(exchange.cookies.rejected, []);
  });

  it('request Cookie header merged by name with jar, request wins, one Cookie header, never stored', async () => {
    session = new Session('default');
    await send(session, 'GET', `${url}/set?set=sid%3Djar&set=theme%3Dlight`);
    const exchange = await send(session, 'GET', `${url}/next`, [['Cookie', 'theme=dark; extra=1']]);
    assert.deepEqual(headerValues(server.requests[1], 'cookie'), ['sid=jar; theme=dark; extra=1']);
    assert.deepEqual(exchange.cookies.sent, [{ name: 'sid', value: 'jar' }, { name: 'theme', value: 'dark' }, { name: 'extra', value: '1' }]);
    assert.deepEqual(await session.cookiesFor(`${url}/`), [{ name: 'sid', value: 'jar' }, { name: 'theme', value: 'light' }]);
  });

  it('several Cookie lines of a request go out as one Cookie header', async () => {
    session = new Session('default');
    await send(session, 'GET', `${url}/next`, [['Cookie', 'a=1'], ['cookie', 'b=2']]);
    assert.deepEqual(headerValues(server.requests[0], 'cookie'), ['a=1; b=2']);
  });

  it('nothing the request carries is persisted', async () => {
    session = new Session('default');
    await send(session, 'POST', `${url}/next`, [['Authorization', 'Bearer once'], ['X-Once', '1'], ['Cookie', 'once=1']], 'body');
    assert.deepEqual(session.defaultHeaders.toList(), []);
    assert.deepEqual(session.listCookies(), []);
    await send(session, 'GET', `${url}/again`);
    assert.deepEqual(server.requests[1].headers.filter(([n]) => /^(authorization|x-once|cookie)$/i.test(n)), []);
  });

  it('@no-cookie-jar neither sends nor stores', async () => {
    session = new Session('default');
    await send(session, 'GET', `${url}/set?set=sid%3Dabc`);
    const exchange = await send(session, 'GET', `${url}/set?set=other%3D1`, [['Cookie', 'mine=1']], undefined, { useCookieJar: false });
    assert.deepEqual(headerValues(server.requests[1], 'cookie'), ['mine=1']);
    assert.deepEqual(exchange.cookies.stored, []);
    assert.deepEqual(session.listCookies().map((c) => c.name), ['sid']);
  });

  it('rejected cookie is a warning not a failure', async () => {
    session = new Session('default');
    const set = ['ok%3D1', 'x%3D1%3B%20Domain%3Dother.org', 'y%3D1%3B%20Domain%3Dcom'];
    const exchange = await send(session, 'GET', `${url}/set?${set.map((s) => `set=${s}`).join('&')}`);
    assert.equal(exchange.response?.status, 200);
    assert.equal(exchange.error, undefined);
    assert.deepEqual(exchange.cookies.stored.map((c) => c.name), ['ok']);
    assert.deepEqual(exchange.cookies.rejected.map((r) => [r.header, r.url]), [
      ['x=1; Domain=other.org', `${url}/set?set=ok%3D1&set=x%3D1%3B%20Domain%3Dother.org&set=y%3D1%3B%20Domain%3Dcom`],
      ['y=1; Domain=com', `${url}/set?set=ok%3D1&set=x%3D1%3B%20Domain%3Dother.org&set=y%3D1%3B%20Domain%3Dcom`],
    ]);
    assert.equal(exchange.cookies.rejected[0].reason, 'its Domain other.org does not cover the host 127.0.0.1');
    assert.match(exchange.cookies.rejected[1].reason, /public suffix/);
  });

  it('Secure cookie not sent over http except to localhost', async () => {
    session = new Session('default', mappedAgent({ 'app.test:80': { host: '127.0.0.1', port: server.port } }));
    await session.setCookie({ name: 'sec', value: '1', domain: 'app.test', path: '/', secure: true, httpOnly: false, hostOnly: true });
    await session.setCookie({ name: 'plain', value: '1', domain: 'app.test', path: '/', secure: false, httpOnly: false, hostOnly: true });
    await send(session, 'GET', 'http://app.test/page');
    assert.deepEqual(headerValues(server.requests[0], 'cookie'), ['plain=1']);
    assert.deepEqual((await session.cookiesFor('https://app.test/')).map((c) => c.name), ['sec', 'plain']);

    const local = `http://localhost:${server.port}`;
    const stored = await send(session, 'GET', `${local}/set?set=lsec%3D1%3B%20Secure`);
    assert.deepEqual(stored.cookies.stored.map((c) => [c.name, c.secure]), [['lsec', true]]);
    await send(session, 'GET', `${local}/next`);
    assert.deepEqual(headerValues(server.requests[2], 'cookie'), ['lsec=1']);
  });

  it('a Secure Set-Cookie over plain http to another host is refused with a reason', async () => {
    session = new Session('default', mappedAgent({ 'app.test:80': { host: '127.0.0.1', port: server.port } }));
    const exchange = await send(session, 'GET', 'http://app.test/set?set=s%3D1%3B%20Secure');
    assert.equal(exchange.response?.status, 200);
    assert.deepEqual(exchange.cookies.stored, []);
    assert.equal(exchange.cookies.rejected.length, 1);
  });

  it('exactly one TCP connection for sequential requests', async () => {
    const fresh = await startServer(cookieHandler);
    try {
      session = new Session('default');
      for (let i = 0; i < 5; i++) {
        const exchange = await send(session, 'GET', `${fresh.url}/set?set=n%3D${i}`);
        assert.equal(exchange.response?.status, 200);
      }
      assert.equal(fresh.requests.length, 5);
      assert.equal(fresh.connections, 1);
    } finally {
      await session.closePools();
      await fresh.close();
    }
  });
});
