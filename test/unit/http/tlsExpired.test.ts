import * as assert from 'node:assert/strict';
import { Agent } from 'undici';
import { sendHop } from '../../../src/core/http/sendHop';
import { expiredCert } from '../../support/expiredCert';
import { startTlsServer, type TlsTestServer } from '../../support/startTlsServer';
import { get, rejectsWith, testOptions } from './hopTestKit';

describe('sendHop over TLS: an expired certificate', () => {
  let server: TlsTestServer;
  let agent: Agent;

  before(async function () {
    this.timeout(15_000);
    server = await startTlsServer((_req, res) => { res.end('stale'); }, { keyAndCert: expiredCert() });
    // Trusted, so the only thing wrong with it is its dates.
    agent = new Agent({ connect: { ca: server.cert } });
  });
  after(async () => {
    await agent.destroy();
    await server.close();
  });

  it('is refused with a TLS error saying it has expired, naming the opt-out; nothing reaches the server', async () => {
    const err = await rejectsWith(sendHop(agent, get(server.url), testOptions()), 'TLS');
    assert.equal(err.message, 'TLS certificate rejected: the certificate has expired. Use `# @insecure` on this request to skip verification.');
    assert.equal(server.requests.length, 0);
  });
});
