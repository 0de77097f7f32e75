import * as assert from 'node:assert/strict';
import { closeDispatcher, createDispatcher } from '../../../src/core/http/createDispatcher';
import { sendHop } from '../../../src/core/http/sendHop';
import { startForwardProxy, type ForwardProxy } from '../../support/startForwardProxy';
import { startServer, type TestServer } from '../../support/startServer';
import { startTlsServer, type TlsTestServer } from '../../support/startTlsServer';
import { get, testOptions } from './hopTestKit';

const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'];

/** Sends one GET through a fresh dispatcher made while `env` is the proxy environment; restores the environment after. */
async function sendWithEnv(env: Record<string, string>, url: string, rejectUnauthorized = true): Promise<string> {
  const saved = PROXY_VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const name of PROXY_VARIABLES) delete process.env[name];
  Object.assign(process.env, env);
  let dispatcher;
  try {
    dispatcher = createDispatcher({ rejectUnauthorized });
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  try {
    const result = await sendHop(dispatcher, get(url), testOptions());
    return Buffer.from(result.body).toString();
  } finally {
    await closeDispatcher(dispatcher);
  }
}

describe('createDispatcher: proxies from HTTP_PROXY / HTTPS_PROXY / NO_PROXY', () => {
  let proxy: ForwardProxy;
  let target: TestServer;
  let tlsTarget: TlsTestServer;

  before(async function () {
    this.timeout(15_000);
    proxy = await startForwardProxy();
    target = await startServer((req, res) => { res.end(`target saw ${req.url}`); });
    tlsTarget = await startTlsServer((_req, res) => { res.end('tls target'); });
  });
  after(async () => {
    await Promise.all([proxy.close(), target.close(), tlsTarget.close()]);
  });

  it('HTTP_PROXY sends plain-http requests through the proxy in absolute form', async () => {
    const before = proxy.requests.length;
    const body = await sendWithEnv({ HTTP_PROXY: proxy.url }, `${target.url}/via?x=1`);
    assert.equal(body, 'target saw /via?x=1');
    assert.deepEqual(proxy.requests.slice(before).map((r) => `${r.method} ${r.url}`), [`GET ${target.url}/via?x=1`]);
  });

  it('lower-case http_proxy works too', async () => {
    const before = proxy.requests.length;
    await sendWithEnv({ http_proxy: proxy.url }, `${target.url}/lower`);
    assert.equal(proxy.requests.length - before, 1);
  });

  it('NO_PROXY=127.0.0.1 bypasses the proxy for that host', async () => {
    const before = proxy.requests.length;
    const targetBefore = target.requests.length;
    const body = await sendWithEnv({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }, `${target.url}/direct`);
    assert.equal(body, 'target saw /direct');
    assert.equal(proxy.requests.length, before);
    assert.equal(target.requests.length - targetBefore, 1);
  });

  it('HTTPS_PROXY tunnels https with CONNECT, and the TLS opt-out still applies through the tunnel', async () => {
    const before = proxy.requests.length;
    const body = await sendWithEnv({ HTTPS_PROXY: proxy.url }, tlsTarget.url, false);
    assert.equal(body, 'tls target');
    assert.deepEqual(proxy.requests.slice(before).map((r) => `${r.method} ${r.url}`), [`CONNECT 127.0.0.1:${tlsTarget.port}`]);
  });

  it('through HTTPS_PROXY a self-signed target is still refused by default', async () => {
    await assert.rejects(sendWithEnv({ HTTPS_PROXY: proxy.url }, tlsTarget.url, true), { code: 'TLS' });
  });

  it('without proxy variables nothing goes to the proxy', async () => {
    const before = proxy.requests.length;
    await sendWithEnv({}, `${target.url}/plain`);
    assert.equal(proxy.requests.length, before);
  });
});
