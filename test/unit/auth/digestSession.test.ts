import * as assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSessionFile, saveSessionFile } from '../../../src/core/session/sessionFile';
import { startDigestServer } from '../../support/startDigestServer';
import type { DigestServer } from '../../support/startDigestServer';
import { headerValues } from '../session/sendSupport';
import { contextFor, runAll, runNamed } from '../runner/runnerSupport';

describe('Digest auth in the session (RFC 7616)', () => {
  const servers: DigestServer[] = [];
  const contexts: Array<ReturnType<typeof contextFor>> = [];
  async function serve(algorithm?: string, noQop = false): Promise<DigestServer> {
    const server = await startDigestServer({ username: 'mufasa', password: 'circle of life', algorithm, noQop });
    servers.push(server);
    return server;
  }
  function ctxFor(...args: Parameters<typeof contextFor>): ReturnType<typeof contextFor> {
    const ctx = contextFor(...args);
    contexts.push(ctx);
    return ctx;
  }
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.sessions.close()));
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  for (const algorithm of ['MD5', 'MD5-sess', 'SHA-256', 'SHA-256-sess']) {
    it(`a request's own Authorization: Digest USER PASS answers the 401 challenge once (${algorithm})`, async () => {
      const server = await serve(algorithm);
      const ctx = ctxFor(`GET ${server.url}/secret\nAuthorization: Digest mufasa {{pass}}\n`, { environment: { pass: 'circle of life' } });
      const result = await runNamed(ctx, 0);
      assert.equal(result.exchange?.response?.status, 200);
      assert.equal(Buffer.from(result.exchange?.response?.body ?? []).toString(), 'hello mufasa');
      assert.equal(server.requests.length, 2);
      assert.deepEqual(headerValues(server.requests[0], 'authorization'), [], 'the raw credentials never go on the wire');
      assert.equal(result.exchange?.hops.map((h) => h.status).join(','), '401,200', 'both tries show in the response view');
    });
  }

  it('an RFC 2069 server (no qop) is answered too', async () => {
    const server = await serve('MD5', true);
    const result = await runNamed(ctxFor(`GET ${server.url}/\nAuthorization: Digest mufasa circle of life\n`), 0);
    assert.equal(result.exchange?.response?.status, 200);
  });

  it('# @session-auth digest: the nonce is kept, so a second request needs no extra round trip and counts nc up', async () => {
    const server = await serve('SHA-256');
    const ctx = ctxFor(`# @session-auth digest mufasa {{pass}}\n###\nGET ${server.url}/a\n###\nGET ${server.url}/b?x=1\n`, { environment: { pass: 'circle of life' } });
    const results = await runAll(ctx);
    assert.deepEqual(results.map((r) => r.exchange?.response?.status), [200, 200]);
    assert.equal(server.requests.length, 3, 'a challenge on the first request only');
    assert.equal(server.challenges, 1);
    assert.match(headerValues(server.requests[2], 'authorization')[0], /nc=00000002/);
    assert.equal(ctx.sessions.get('default').digestStates.get(server.origin)?.nc, 2);
  });

  it('a stale nonce is retried once with the new nonce', async () => {
    const server = await serve();
    const ctx = ctxFor(`# @session-auth digest mufasa circle of life\n###\nGET ${server.url}/a\n###\nGET ${server.url}/b\n`);
    await runNamed(ctx, 0);
    server.expireNonces();
    const second = await runNamed(ctx, 1);
    assert.equal(second.error?.describe(), undefined);
    assert.equal(second.exchange?.response?.status, 200);
    assert.deepEqual(second.exchange?.hops.map((h) => h.status), [401, 200]);
    assert.match(headerValues(server.requests[3], 'authorization')[0], /nc=00000001/);
  });

  it('a wrong password is answered once, then the 401 is shown and the nonce forgotten', async () => {
    const server = await serve();
    const ctx = ctxFor(`GET ${server.url}/\nAuthorization: Digest mufasa wrong\n`);
    const result = await runNamed(ctx, 0);
    assert.equal(result.exchange?.response?.status, 401);
    assert.equal(server.requests.length, 2);
    assert.equal(ctx.sessions.get('default').digestStates.size, 0);
  });

  it('the nonce is saved with the session file, so a second CLI run answers at once; Clear Session drops it', async () => {
    const server = await serve();
    const dir = await mkdtemp(join(tmpdir(), 'digest-session-'));
    try {
      const text = `# @session-auth digest mufasa circle of life\n###\nGET ${server.url}/a\n`;
      const first = ctxFor(text);
      await runNamed(first, 0);
      await saveSessionFile(join(dir, 's.json'), first.sessions);
      const { store } = await loadSessionFile(join(dir, 's.json'));
      const second = ctxFor(text, { sessions: store });
      const result = await runNamed(second, 0);
      assert.deepEqual(result.exchange?.hops.map((h) => h.status), [200]);
      assert.match(headerValues(server.requests[2], 'authorization')[0], /nc=00000002/);
      await store.clear();
      assert.equal(store.get('default').digestStates.size, 0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
