import * as assert from 'node:assert/strict';
import { Agent } from 'undici';
import { closeDispatcher, createDispatcher } from '../../../src/core/http/createDispatcher';
import { sendHop } from '../../../src/core/http/sendHop';
import { selfSignedCert } from '../../support/selfSignedCert';
import { startTlsServer, type TlsTestServer } from '../../support/startTlsServer';
import { get, rejectsWith, testOptions } from './hopTestKit';

describe('sendHop over TLS: certificates verified by default', () => {
  let server: TlsTestServer;

  before(async function () {
    this.timeout(15_000);
    server = await startTlsServer((_req, res) => { res.end('secret'); });
  });
  after(async () => { await server.close(); });

  it('a self-signed certificate is refused by default with a TLS error that names the opt-out', async () => {
    const dispatcher = createDispatcher({ rejectUnauthorized: true });
    try {
      const err = await rejectsWith(sendHop(dispatcher, get(server.url), testOptions()), 'TLS');
      assert.equal(err.message, 'TLS certificate rejected: self-signed certificate. Use `# @insecure` on this request to skip verification.');
      assert.ok(err.cause);
      assert.equal(server.requests.length, 0, 'no request reached the server');
    } finally {
      await closeDispatcher(dispatcher);
    }
  });

  it('with rejectUnauthorized false the same server answers, over one kept-alive connection', async () => {
    const dispatcher = createDispatcher({ rejectUnauthorized: false });
    const before = server.connections;
    try {
      for (let i = 0; i < 3; i += 1) {
        const result = await sendHop(dispatcher, get(server.url), testOptions({ rejectUnauthorized: false }));
        assert.equal(Buffer.from(result.body).toString(), 'secret');
      }
      assert.equal(server.connections - before, 1);
    } finally {
      await closeDispatcher(dispatcher);
    }
  });

  it('a trusted certificate for another host name is a TLS error about the host name', async function () {
    this.timeout(15_000);
    const other = selfSignedCert(['DNS:other.example']);
    const mismatched = await startTlsServer((_req, res) => { res.end(); }, { keyAndCert: other });
    const agent = new Agent({ connect: { ca: other.cert } });
    try {
      const err = await rejectsWith(sendHop(agent, get(mismatched.url), testOptions()), 'TLS');
      assert.match(err.message, /^TLS certificate rejected: the certificate is not valid for this host name\./);
    } finally {
      await agent.destroy();
      await mismatched.close();
    }
  });
});
