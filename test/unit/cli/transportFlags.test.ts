import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { startSeenTlsServer, type SeenTlsServer } from '../../support/startSeenTlsServer';
import { makeTestPki, type TestPki } from '../../support/testPki';
import { cliWorkspace, runCli } from './cliProcess';

describe('CLI: --http2, --cert, --key, --cacert and the certificate passphrase', function () {
  this.timeout(60_000);
  let pki: TestPki;
  let h2: SeenTlsServer;
  let mutual: SeenTlsServer;
  const work = cliWorkspace('cli-transport-');
  const write = work.write;

  before(async () => {
    pki = makeTestPki();
    h2 = await startSeenTlsServer(pki, { kind: 'http2' });
    mutual = await startSeenTlsServer(pki, { kind: 'https', requireClientCert: true });
  });
  after(async () => {
    await h2.close();
    await mutual.close();
    pki.remove();
  });

  it('HTTP/2 on the request line prints HTTP/2 as the status line\'s version; --http2 does it for every request', async () => {
    const line = await runCli(['send', write('h2.http', `GET ${h2.url}/a HTTP/2\n###\nGET ${h2.url}/b\n`), '--cacert', pki.files.caCert]);
    assert.equal(line.code, 0, line.stderr);
    assert.match(line.stdout, /HTTP\/2 200 OK[\s\S]*HTTP\/1\.1 200 OK/);
    const flag = await runCli(['send', join(work.dir, 'h2.http'), '--cacert', pki.files.caCert, '--http2', '--json']);
    assert.equal(flag.code, 0, flag.stderr);
    assert.deepEqual(flag.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { httpVersion: string }).httpVersion), ['2', '2']);
    assert.deepEqual(h2.requests.slice(-2).map((r) => r.httpVersion), ['2.0', '2.0']);
  });

  it('--cert with an encrypted --key reads the passphrase from HTTP_SESSION_CERT_PASSPHRASE', async () => {
    const file = write('mtls.http', `GET ${mutual.url}/me\n`);
    const run = await runCli(['send', file, '--cacert', pki.files.caCert, '--cert', pki.files.clientCert, '--key', pki.files.clientKeyEncrypted],
      { env: { ...process.env, HTTP_SESSION_CERT_PASSPHRASE: pki.passphrase } });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(mutual.requests.at(-1)?.clientCN, 'test client');
  });

  it('without a certificate the server\'s refusal is exit 1 with the message naming the setting; a missing --cert file is exit 2', async () => {
    const file = join(work.dir, 'mtls.http');
    const none = await runCli(['send', file, '--cacert', pki.files.caCert]);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /requires a client certificate, and none is configured for it: set one for this host in the setting httpSession\.tls\.certificates .*the CLI's --cert/);
    const missing = await runCli(['send', file, '--cacert', pki.files.caCert, '--cert', join(work.dir, 'nope.p12')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot read the PKCS#12 file .*nope\.p12 \(no such file\), configured in --cert\./);
  });

  it('--key without --cert is a usage error', async () => {
    const run = await runCli(['send', join(work.dir, 'mtls.http'), '--key', pki.files.clientKey]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--key needs --cert/);
  });
});
