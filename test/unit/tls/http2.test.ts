import * as assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../support/startServer';
import { startSeenTlsServer, type SeenTlsServer } from '../../support/startSeenTlsServer';
import { makeTestPki, type TestPki } from '../../support/testPki';
import { contextFor, runAll, runNamed } from '../runner/runnerSupport';
import type { EngineSettings, RunContext } from '../../../src/core/runner/types';
import { DEFAULT_ENGINE_SETTINGS } from '../../../src/core/runner/types';

describe('HTTP/2: negotiated over TLS by ALPN, the version used reported', () => {
  let pki: TestPki;
  let h2: SeenTlsServer;
  let h1only: SeenTlsServer;
  const contexts: RunContext[] = [];
  const trustPki = (): Partial<EngineSettings> => ({ tls: { ...DEFAULT_ENGINE_SETTINGS.tls, ca: [pki.files.caCert] } });
  function ctxFor(text: string, settings: Partial<EngineSettings> = {}): RunContext {
    const ctx = contextFor(text, {}, { ...trustPki(), ...settings });
    contexts.push(ctx);
    return ctx;
  }

  before(async function () {
    this.timeout(30_000);
    pki = makeTestPki();
    h2 = await startSeenTlsServer(pki, { kind: 'http2' });
    h1only = await startSeenTlsServer(pki, { kind: 'https' });
  });
  afterEach(async () => { await Promise.all(contexts.splice(0).map((c) => c.sessions.close())); });
  after(async () => {
    await h2.close();
    await h1only.close();
    pki.remove();
  });

  it('HTTP/2 at the end of the request line: the server sees HTTP/2 and the response says 2', async () => {
    const result = await runNamed(ctxFor(`GET ${h2.url}/a HTTP/2\n`), 0);
    assert.equal(result.exchange?.error, undefined);
    assert.equal(result.exchange?.response?.httpVersion, '2');
    assert.equal(Buffer.from(result.exchange?.response?.body ?? []).toString(), 'ok HTTP/2.0');
    assert.equal(h2.requests.at(-1)?.httpVersion, '2.0');
    assert.deepEqual(result.warnings, []);
  });

  it('without a version the same server is spoken to in HTTP/1.1, every request over one kept-alive connection', async () => {
    const before = h2.connections;
    const results = await runAll(ctxFor(`GET ${h2.url}/1\n###\nGET ${h2.url}/2\n###\nGET ${h2.url}/3\n`));
    assert.deepEqual(results.map((r) => r.exchange?.response?.httpVersion), ['1.1', '1.1', '1.1']);
    assert.deepEqual(h2.requests.slice(-3).map((r) => r.httpVersion), ['1.1', '1.1', '1.1']);
    assert.equal(h2.connections - before, 1);
  });

  it('the setting httpVersion 2 sends every request in HTTP/2 (one connection); HTTP/1.1 on a request line keeps that one in 1.1', async () => {
    const before = h2.connections;
    const ctx = ctxFor(`GET ${h2.url}/x\n###\nGET ${h2.url}/y\n###\nGET ${h2.url}/z HTTP/1.1\n`, { httpVersion: '2' });
    const results = await runAll(ctx);
    assert.deepEqual(results.map((r) => r.exchange?.response?.httpVersion), ['2', '2', '1.1']);
    assert.deepEqual(h2.requests.slice(-3).map((r) => `${r.path} ${r.httpVersion}`), ['/x 2.0', '/y 2.0', '/z 1.1']);
    assert.equal(h2.connections - before, 2, 'one HTTP/2 connection for both, and the HTTP/1.1 pool its own');
    assert.equal(ctx.sessions.get('default').poolCount, 2);
  });

  it('a server that offers only HTTP/1.1 answers in 1.1: the result says 1.1 and a warning says the server chose it', async () => {
    const result = await runNamed(ctxFor(`GET ${h1only.url}/ HTTP/2\n`), 0);
    assert.equal(result.exchange?.response?.httpVersion, '1.1');
    assert.equal(h1only.requests.at(-1)?.httpVersion, '1.1');
    assert.match(result.warnings.join('\n'), /HTTP\/2 was asked for, but 127\.0\.0\.1:\d+ chose HTTP\/1\.1/);
  });

  describe('over http://', () => {
    let plain: TestServer;
    before(async () => { plain = await startServer((_req, res) => { res.end('plain'); }); });
    after(async () => { await plain.close(); });

    it('HTTP/2 asked for over http:// is sent as HTTP/1.1 with a warning that says h2c is not supported', async () => {
      const result = await runNamed(ctxFor(`GET ${plain.url}/ HTTP/2\n`), 0);
      assert.equal(result.exchange?.response?.status, 200);
      assert.equal(result.exchange?.response?.httpVersion, '1.1');
      assert.match(result.warnings.join('\n'), /over http:\/\/ it is not offered \(cleartext HTTP\/2, h2c, is not supported\)/);
    });
  });
});
