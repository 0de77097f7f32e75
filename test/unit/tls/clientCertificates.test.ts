import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineSettings, RunContext } from '../../../src/core/runner/types';
import { DEFAULT_ENGINE_SETTINGS } from '../../../src/core/runner/types';
import type { PassphraseRequest } from '../../../src/core/tls/tlsProfile';
import { loadEnvironments } from '../../../src/core/variables/environments';
import { startSeenTlsServer, type SeenTlsServer } from '../../support/startSeenTlsServer';
import { makeTestPki, type TestPki } from '../../support/testPki';
import { contextFor, runAll, runNamed } from '../runner/runnerSupport';

describe('client certificates and CAs', () => {
  let pki: TestPki;
  let mutual: SeenTlsServer;
  let mutual12: SeenTlsServer;
  let open: SeenTlsServer;
  const contexts: RunContext[] = [];
  const host = (server: SeenTlsServer): string => new URL(server.url).host;
  function tls(certificates: EngineSettings['tls']['certificates'], ca = [pki.files.caCert]): Partial<EngineSettings> {
    return { tls: { ...DEFAULT_ENGINE_SETTINGS.tls, certificates, ca } };
  }
  function ctxFor(text: string, settings: Partial<EngineSettings>, extra: Partial<RunContext> = {}): RunContext {
    const ctx = contextFor(text, extra, settings);
    contexts.push(ctx);
    return ctx;
  }

  before(async function () {
    this.timeout(30_000);
    pki = makeTestPki();
    mutual = await startSeenTlsServer(pki, { kind: 'https', requireClientCert: true });
    mutual12 = await startSeenTlsServer(pki, { kind: 'https', requireClientCert: true, maxVersion: 'TLSv1.2' });
    open = await startSeenTlsServer(pki, { kind: 'https' });
  });
  afterEach(async () => { await Promise.all(contexts.splice(0).map((c) => c.sessions.close())); });
  after(async () => {
    await Promise.all([mutual.close(), mutual12.close(), open.close()]);
    pki.remove();
  });

  it('a TLS 1.3 server that requires a client certificate and got none: the error says so and names the setting and the env key', async () => {
    const result = await runNamed(ctxFor(`GET ${mutual.url}/\n`, tls({})), 0);
    const error = result.exchange?.error;
    assert.equal(error?.code, 'TLS');
    assert.match(error?.message ?? '', new RegExp(`^The server at ${host(mutual)} requires a client certificate, and none is configured for it: set one for this host in the setting httpSession\\.tls\\.certificates .* "SSLConfiguration": \\{ "clientCertificate"`));
    assert.equal(mutual.requests.length, 0);
  });

  it('a TLS 1.2 server that requires one fails the handshake: the error says it may require a client certificate', async () => {
    const result = await runNamed(ctxFor(`GET ${mutual12.url}/\n`, tls({})), 0);
    assert.equal(result.exchange?.error?.code, 'TLS');
    assert.match(result.exchange?.error?.message ?? '', /the server may require a client certificate; if so, set one for this host in the setting httpSession\.tls\.certificates/);
  });

  it('httpSession.tls.certificates keyed by host:port sends that certificate; the session notes it in use; requests reuse one connection', async () => {
    const before = mutual.connections;
    const ctx = ctxFor(`GET ${mutual.url}/1\n###\nGET ${mutual.url}/2\n`, tls({ [host(mutual)]: { cert: pki.files.clientCert, key: pki.files.clientKey } }));
    const results = await runAll(ctx);
    assert.deepEqual(results.map((r) => r.exchange?.response?.status), [200, 200]);
    assert.deepEqual(mutual.requests.slice(-2).map((r) => r.clientCN), ['test client', 'test client']);
    assert.equal(mutual.connections - before, 1);
    assert.equal(ctx.sessions.get('default').certificatesInUse.get(host(mutual)), `httpSession.tls.certificates["${host(mutual)}"]`);
  });

  it('relative paths of the setting are read from the workspace folder (baseDir); a bare host name and * match too', async () => {
    for (const key of ['127.0.0.1', '*']) {
      const settings = { tls: { certificates: { [key]: { cert: 'client.pem', key: 'client.key' } }, ca: ['ca.pem'], baseDir: pki.dir } };
      const result = await runNamed(ctxFor(`GET ${mutual.url}/rel\n`, settings), 0);
      assert.equal(result.exchange?.response?.status, 200, key);
      assert.equal(mutual.requests.at(-1)?.clientCN, 'test client');
    }
  });

  it('a separate keep-alive pool per TLS configuration: a host with a certificate and one without each get their own', async () => {
    const ctx = ctxFor(`GET ${mutual.url}/a\n###\nGET ${open.url}/b\n###\nGET ${mutual.url}/c\n`, tls({ [host(mutual)]: { cert: pki.files.clientCert, key: pki.files.clientKey } }));
    const results = await runAll(ctx);
    assert.deepEqual(results.map((r) => r.exchange?.response?.status), [200, 200, 200]);
    assert.equal(open.requests.at(-1)?.clientCN, '', 'the certificate goes only to its host');
    assert.equal(ctx.sessions.get('default').poolCount, 2);
  });

  it('an encrypted key: the passphrase is asked for with the file and the setting named, and the request goes through', async () => {
    const asked: PassphraseRequest[] = [];
    const ctx = ctxFor(`GET ${mutual.url}/enc\n`, tls({ [host(mutual)]: { cert: pki.files.clientCert, key: pki.files.clientKeyEncrypted } }), {
      askPassphrase: async (request) => { asked.push(request); return pki.passphrase; },
    });
    const result = await runNamed(ctx, 0);
    assert.equal(result.exchange?.response?.status, 200);
    assert.deepEqual(asked, [{ id: pki.files.clientCert, label: `client.pem (httpSession.tls.certificates["${host(mutual)}"])` }]);
  });

  it('a wrong passphrase is a CERTIFICATE error that says so, the remembered one is forgotten, and nothing is sent', async () => {
    const forgotten: string[] = [];
    const sent = mutual.requests.length;
    const ctx = ctxFor(`GET ${mutual.url}/wrong\n`, tls({ [host(mutual)]: { cert: pki.files.clientCert, key: pki.files.clientKeyEncrypted } }), {
      askPassphrase: async () => 'not it',
      forgetPassphrase: (id) => { forgotten.push(id); },
    });
    const result = await runNamed(ctx, 0);
    assert.equal(result.exchange?.error?.code, 'CERTIFICATE');
    assert.equal(result.exchange?.error?.message, `The passphrase for client.pem (httpSession.tls.certificates["${host(mutual)}"]) is wrong. It is forgotten; the next send asks for it again.`);
    assert.deepEqual(forgotten, [pki.files.clientCert]);
    assert.equal(mutual.requests.length, sent);
  });

  it('an encrypted key with no way to ask is a CERTIFICATE error naming the CLI variable', async () => {
    const result = await runNamed(ctxFor(`GET ${mutual.url}/\n`, tls({ '*': { cert: pki.files.clientCert, key: pki.files.clientKeyEncrypted } })), 0);
    assert.equal(result.exchange?.error?.code, 'CERTIFICATE');
    assert.match(result.exchange?.error?.message ?? '', /^client\.pem \(httpSession\.tls\.certificates\["\*"\]\) needs a passphrase and none was given \(the CLI reads HTTP_SESSION_CERT_PASSPHRASE/);
  });

  it('a missing certificate file, a file that is not PEM and a key of another certificate each get a message naming the file and the setting', async () => {
    const cases: Array<[EngineSettings['tls']['certificates'][string], RegExp]> = [
      [{ cert: join(pki.dir, 'nope.pem'), key: pki.files.clientKey }, /^Cannot read the client certificate .*nope\.pem \(no such file\), configured in httpSession\.tls\.certificates\["\*"\]\.$/],
      [{ cert: pki.files.clientKey, key: pki.files.clientKey }, /^client\.key \(httpSession\.tls\.certificates\["\*"\]\) is not a PEM certificate/],
      [{ cert: pki.files.clientCert, key: pki.files.serverKey }, /^The key .*server\.key does not belong to the certificate client\.pem/],
    ];
    for (const [entry, message] of cases) {
      const result = await runNamed(ctxFor(`GET ${mutual.url}/\n`, tls({ '*': entry })), 0);
      assert.equal(result.exchange?.error?.code, 'CERTIFICATE');
      assert.match(result.exchange?.error?.message ?? '', message);
    }
  });

  it('a certificate the server does not trust: the error names where it is configured and why it was refused', async () => {
    const result = await runNamed(ctxFor(`GET ${mutual.url}/\n`, tls({ '*': { cert: pki.files.strangerCert, key: pki.files.strangerKey } })), 0);
    assert.equal(result.exchange?.error?.code, 'TLS');
    assert.match(result.exchange?.error?.message ?? '', new RegExp(`^The server at ${host(mutual)} (refused the client certificate from|asked for a client certificate and did not take the one from|closed the connection after the TLS handshake, before any response: it may have refused the client certificate from) httpSession\\.tls\\.certificates\\["\\*"\\]`));
  });

  it('without httpSession.tls.ca the test CA is unknown (TLS error); with it the server is trusted', async () => {
    const untrusted = await runNamed(ctxFor(`GET ${open.url}/\n`, tls({}, [])), 0);
    assert.equal(untrusted.exchange?.error?.code, 'TLS');
    assert.match(untrusted.exchange?.error?.message ?? '', /unknown authority/);
    const trusted = await runNamed(ctxFor(`GET ${open.url}/\n`, tls({})), 0);
    assert.equal(trusted.exchange?.response?.status, 200);
  });

  it('NODE_EXTRA_CA_CERTS keeps working when httpSession.tls.ca adds other CAs (an explicit CA list would otherwise drop it)', async () => {
    const saved = process.env.NODE_EXTRA_CA_CERTS;
    try {
      delete process.env.NODE_EXTRA_CA_CERTS;
      const without = await runNamed(ctxFor(`GET ${open.url}/\n`, tls({}, [pki.files.strangerCert])), 0);
      assert.equal(without.exchange?.error?.code, 'TLS');
      process.env.NODE_EXTRA_CA_CERTS = pki.files.caCert;
      const withExtra = await runNamed(ctxFor(`GET ${open.url}/\n`, tls({}, [pki.files.strangerCert])), 0);
      assert.equal(withExtra.exchange?.response?.status, 200);
    } finally {
      if (saved === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
      else process.env.NODE_EXTRA_CA_CERTS = saved;
    }
  });

  it('a CA file without a certificate is a CERTIFICATE error naming it and httpSession.tls.ca', async () => {
    const result = await runNamed(ctxFor(`GET ${open.url}/\n`, tls({}, [pki.files.clientKey])), 0);
    assert.equal(result.exchange?.error?.code, 'CERTIFICATE');
    assert.match(result.exchange?.error?.message ?? '', /^The CA file .*client\.key \(httpSession\.tls\.ca\) holds no PEM certificate/);
  });

  describe('JetBrains SSLConfiguration in an environment', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'http-session-sslenv-'));
      copyFileSync(pki.files.clientP12, join(dir, 'me.p12'));
      copyFileSync(pki.files.clientCert, join(dir, 'me.pem'));
      copyFileSync(pki.files.clientKey, join(dir, 'me.key'));
    });
    afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

    async function envCtx(text: string, files: Record<string, unknown>, extra: Partial<RunContext> = {}, settings = tls({})): Promise<RunContext> {
      for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(content));
      const environments = await loadEnvironments(dir);
      assert.deepEqual(environments.errors, []);
      return ctxFor(text, settings, { environment: environments.resolve('dev'), ...extra });
    }

    it('a PKCS#12 file relative to the private env file, with hasCertificatePassphrase: asked once, sent, named in the session', async () => {
      const asked: PassphraseRequest[] = [];
      const ctx = await envCtx(`GET ${mutual.url}/p12\n`, {
        'http-client.env.json': { dev: { base: 'x' } },
        'http-client.private.env.json': { dev: { SSLConfiguration: { clientCertificate: 'me.p12', hasCertificatePassphrase: true } } },
      }, { askPassphrase: async (request) => { asked.push(request); return pki.passphrase; } });
      const result = await runNamed(ctx, 0);
      assert.equal(result.exchange?.response?.status, 200);
      assert.equal(mutual.requests.at(-1)?.clientCN, 'test client');
      assert.deepEqual(asked.map((a) => a.id), [join(dir, 'me.p12')]);
      assert.equal(asked[0].label, 'me.p12 ("SSLConfiguration".clientCertificate of http-client.private.env.json (dev))');
      assert.match(ctx.sessions.get('default').certificatesInUse.get(host(mutual)) ?? '', /SSLConfiguration/);
    });

    it('PEM certificate and key in JetBrains\' { "path", "format" } form from the public file', async () => {
      const ctx = await envCtx(`GET ${mutual.url}/pem\n`, {
        'http-client.env.json': { dev: { SSLConfiguration: { clientCertificate: { path: 'me.pem', format: 'PEM' }, clientCertificateKey: { path: './me.key' } } } },
      });
      const result = await runNamed(ctx, 0);
      assert.equal(result.exchange?.response?.status, 200);
    });

    it('a host entry of httpSession.tls.certificates wins over the environment\'s certificate', async () => {
      const ctx = await envCtx(`GET ${mutual.url}/\n`, {
        'http-client.env.json': { dev: { SSLConfiguration: { clientCertificate: 'me.pem', clientCertificateKey: 'me.key' } } },
      }, {}, tls({ [host(mutual)]: { cert: pki.files.strangerCert, key: pki.files.strangerKey } }));
      const result = await runNamed(ctx, 0);
      assert.equal(result.exchange?.error?.code, 'TLS', 'the stranger certificate of the setting was sent');
    });

    it('a missing file names the env file and the key', async () => {
      const ctx = await envCtx(`GET ${mutual.url}/\n`, {
        'http-client.private.env.json': { dev: { SSLConfiguration: { clientCertificate: 'gone.pem', clientCertificateKey: 'me.key' } } },
      });
      const result = await runNamed(ctx, 0);
      assert.equal(result.exchange?.error?.code, 'CERTIFICATE');
      assert.match(result.exchange?.error?.message ?? '', /gone\.pem \(no such file\), configured in "SSLConfiguration"\.clientCertificate of http-client\.private\.env\.json \(dev\)\.$/);
    });

    it('verifyHostCertificate: false accepts a server no CA vouches for, but not in Restricted Mode (a warning says it was ignored)', async () => {
      const files = { 'http-client.env.json': { dev: { SSLConfiguration: { verifyHostCertificate: false } } } };
      const trusting = await runNamed(await envCtx(`GET ${open.url}/\n`, files, {}, tls({}, [])), 0);
      assert.equal(trusting.exchange?.response?.status, 200);
      const restricted = await runNamed(await envCtx(`GET ${open.url}/\n`, files, { restricted: true }, tls({}, [])), 0);
      assert.equal(restricted.exchange?.error?.code, 'TLS');
      assert.match(restricted.warnings.join('\n'), /"verifyHostCertificate": false of the environment's SSLConfiguration is ignored in Restricted Mode/);
    });
  });
});
