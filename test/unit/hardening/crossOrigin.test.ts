import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { SessionStore } from '../../../src/core/session/sessionStore';
import { selfSignedCert } from '../../support/selfSignedCert';
import { startServer, type RecordedRequest, type TestServer } from '../../support/startServer';
import { startTlsServer } from '../../support/startTlsServer';
import { mappedAgent } from '../session/mappedAgent';
import { headerValues, redirectingHandler, redirectPath } from '../session/sendSupport';
import { contextIn, runAt, tempDir } from './hardeningKit';
import { hardeningCase } from './hardeningCase';

const AREA = 'Credentials and cookies across origins (runner)';
const CREDENTIALS = 'Authorization: Bearer s3cret ⏎ Proxy-Authorization: Basic cHJveHk6cHc= ⏎ Cookie: own=1';

describe('hardening: credentials and cookies never cross origins', function () {
  let a: TestServer; // 127.0.0.1, also http://app.test and http://api.app.test
  let a2: TestServer; // 127.0.0.1, another port
  let b: TestServer; // 127.0.0.2, also http://other.test
  let tls: TestServer; // https://app.test
  let store: SessionStore;
  let dir: string;

  before(async () => {
    a = await startServer(redirectingHandler);
    a2 = await startServer(redirectingHandler);
    b = await startServer(redirectingHandler, { host: '127.0.0.2' });
    const keyAndCert = selfSignedCert(['DNS:app.test', 'IP:127.0.0.1', 'DNS:localhost']);
    tls = await startTlsServer(redirectingHandler, { keyAndCert });
    const routes = {
      'app.test:80': { host: '127.0.0.1', port: a.port },
      'api.app.test:80': { host: '127.0.0.1', port: a.port },
      'other.test:80': { host: '127.0.0.2', port: b.port },
      'app.test:443': { host: '127.0.0.1', port: tls.port },
    };
    store = new SessionStore(mappedAgent(routes, keyAndCert.cert));
    dir = tempDir('origins');
  });
  beforeEach(async () => {
    await store.clear();
    for (const server of [a, a2, b, tls]) server.requests.length = 0;
  });
  after(async () => {
    await store.close();
    await Promise.all([a, a2, b, tls].map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  /** Sends `text` through the shared store and returns the requests that arrived at `server`. */
  async function sendAndSee(text: string, server: TestServer): Promise<RecordedRequest[]> {
    const result = await runAt(contextIn(dir, text, { sessions: store }));
    assert.equal(result.error, undefined, result.error?.describe());
    return server.requests;
  }

  const credentialed = (url: string): string =>
    `GET ${url}\nAuthorization: Bearer s3cret\nProxy-Authorization: Basic cHJveHk6cHc=\nCookie: own=1\n`;

  function carried(request: RecordedRequest | undefined): string {
    const names = ['authorization', 'proxy-authorization', 'cookie'].filter((name) => headerValues(request, name).length > 0);
    return names.length ? names.join(', ') : 'none of them';
  }

  for (const [label, from, to] of [
    ['another host (127.0.0.1 → 127.0.0.2)', () => a.url, () => `${b.url}/final`],
    ['another port (same host)', () => a.url, () => `${a2.url}/final`],
    ['https → http (same host name)', () => 'https://app.test', () => 'http://app.test/final'],
  ] as Array<[string, () => string, () => string]>) {
    hardeningCase(__filename, AREA, `a redirect to ${label} drops Authorization, Proxy-Authorization and the request's Cookie`,
      `${CREDENTIALS}, then 302 to ${label}`, async () => {
        const target = to();
        const server = target.startsWith(b.url) ? b : target.startsWith(a2.url) ? a2 : a;
        const arrived = await sendAndSee(credentialed(`${from()}${redirectPath(target)}`), server);
        const final = arrived[arrived.length - 1];
        assert.equal(final.url, '/final');
        assert.deepEqual(headerValues(final, 'authorization'), []);
        assert.deepEqual(headerValues(final, 'proxy-authorization'), []);
        assert.deepEqual(headerValues(final, 'cookie'), []);
        return `the hop to ${label} carried ${carried(final)}`;
      });
  }

  hardeningCase(__filename, AREA, 'http → https on the same host and default ports keeps Authorization (and drops the request Cookie: another origin)',
    `${CREDENTIALS} to http://app.test, 302 to https://app.test/final`, async () => {
      const arrived = await sendAndSee(credentialed(`http://app.test${redirectPath('https://app.test/final')}`), tls);
      const final = arrived[arrived.length - 1];
      assert.deepEqual(headerValues(final, 'authorization'), ['Bearer s3cret']);
      assert.deepEqual(headerValues(final, 'cookie'), []);
      return `the https hop carried ${carried(final)}`;
    });

  hardeningCase(__filename, AREA, 'once dropped, credentials stay dropped when the chain returns to the first host',
    `${CREDENTIALS}; 127.0.0.1 → 302 127.0.0.2 → 302 back to 127.0.0.1`, async () => {
      const back = `${a.url}/final`;
      const arrived = await sendAndSee(credentialed(`${a.url}${redirectPath(`${b.url}${redirectPath(back)}`)}`), a);
      const final = arrived[arrived.length - 1];
      assert.equal(final.url, '/final');
      assert.deepEqual(headerValues(final, 'authorization'), []);
      assert.deepEqual(headerValues(final, 'proxy-authorization'), []);
      return `the hop back to the first host carried ${carried(final)}`;
    });

  hardeningCase(__filename, AREA, 'session cookies are scoped by domain and path',
    'app.test sets host=1 (host-only), dom=1; Domain=app.test, api=1; Path=/api; then requests to app.test/, app.test/api/x, api.app.test/, other.test/', async () => {
      const set = ['host=1', 'dom=1; Domain=app.test', 'api=1; Path=/api'].map((c) => `set=${encodeURIComponent(c)}`).join('&');
      await sendAndSee(`GET http://app.test/start?${set}\n`, a);
      const cookieAt = async (url: string, server: TestServer): Promise<string> => {
        server.requests.length = 0;
        const arrived = await sendAndSee(`GET ${url}\n`, server);
        return headerValues(arrived[0], 'cookie').join('; ');
      };
      const seen = {
        root: await cookieAt('http://app.test/', a),
        api: await cookieAt('http://app.test/api/x', a),
        sub: await cookieAt('http://api.app.test/', a),
        other: await cookieAt('http://other.test/', b),
      };
      assert.deepEqual(seen, { root: 'host=1; dom=1', api: 'api=1; host=1; dom=1', sub: 'dom=1', other: '' });
      return `app.test/: "${seen.root}"; app.test/api/x: "${seen.api}"; api.app.test/: "${seen.sub}"; other.test/: none`;
    });

  hardeningCase(__filename, AREA, 'a Secure cookie is not sent over http to a non-local host',
    'https://app.test sets sec=1; Secure and plain=1; then http://app.test/ and https://app.test/', async () => {
      const set = ['sec=1; Secure', 'plain=1'].map((c) => `set=${encodeURIComponent(c)}`).join('&');
      await sendAndSee(`GET https://app.test/start?${set}\n`, tls);
      a.requests.length = 0;
      const overHttp = headerValues((await sendAndSee('GET http://app.test/\n', a))[0], 'cookie').join('; ');
      tls.requests.length = 0;
      const overHttps = headerValues((await sendAndSee('GET https://app.test/\n', tls))[0], 'cookie').join('; ');
      assert.equal(overHttp, 'plain=1');
      assert.equal(overHttps, 'sec=1; plain=1');
      return `http://app.test got "${overHttp}"; https://app.test got "${overHttps}"`;
    });
});
