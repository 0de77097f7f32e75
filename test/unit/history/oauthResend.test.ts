import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyEntry, type HistoryEntry } from '../../../src/core/history/historyEntry';
import { resendStoredRequest } from '../../../src/core/history/resendStoredRequest';
import { SessionStore } from '../../../src/core/session/sessionStore';
import { REDACTED } from '../../../src/core/variables/redactSecrets';
import { loadEnvironments } from '../../../src/core/variables/environments';
import { startOAuthServer, type OAuthServer } from '../../support/startOAuthServer';
import { contextFor, runNamed } from '../runner/runnerSupport';

describe('history: re-sending an OAuth2 request asks the session for the token again', () => {
  let server: OAuthServer;
  let dir: string;
  let environment: Record<string, string>;
  const sessions = new SessionStore();
  before(async () => {
    server = await startOAuthServer({ clientId: 'app', clientSecret: 'app-secret' });
    dir = await mkdtemp(join(tmpdir(), 'oauth-history-'));
    await writeFile(join(dir, 'http-client.env.json'), JSON.stringify({ dev: { Security: { Auth: {
      api: { Type: 'OAuth2', 'Grant Type': 'Client Credentials', 'Token URL': server.tokenUrl, 'Client ID': 'app', 'Client Secret': 'app-secret' },
    } } } }));
    environment = (await loadEnvironments(dir)).resolve('dev');
  });
  after(async () => {
    await sessions.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });
  const tokenNumber = (body: Uint8Array | undefined): number => (JSON.parse(Buffer.from(body ?? []).toString()) as { tokenNumber: number }).tokenNumber;

  async function sendOnce(text: string): Promise<HistoryEntry> {
    const ctx = contextFor(text, { environment, sessions });
    const result = await runNamed(ctx, 0);
    assert.equal(result.exchange?.response?.status, 200, result.error?.message);
    return historyEntry(result, new Date()) as HistoryEntry;
  }

  it('the entry keeps the header as written, not the token; the re-send gets a fresh token once the kept one expired', async () => {
    const entry = await sendOnce(`GET ${server.url}/me\nAuthorization: Bearer {{$auth.token("api")}}\nX-Access: {{$auth.token("api")}}\n`);
    assert.deepEqual(entry.request?.authHeaders, [['Authorization', 'Bearer {{$auth.token("api")}}'], ['X-Access', '{{$auth.token("api")}}']]);
    assert.ok(!JSON.stringify(entry).includes(server.issued[0]), 'no token in the history entry');
    assert.deepEqual(entry.request?.headers.filter(([name]) => name !== 'Host').map(([, value]) => value).filter((v) => v === REDACTED).length, 2);

    sessions.get('default').oauthTokens.get('api')!.expiresAt = Date.now() - 1;
    const again = await resendStoredRequest({ sessions, environment, settings: contextFor('GET http://x/\n').settings }, entry);
    assert.equal(again.exchange?.response?.status, 200, again.error?.message);
    assert.equal(tokenNumber(again.exchange?.response?.body), 2, 'the refreshed token, not the stored one');
    const sent = again.exchange?.hops[0].request.headers ?? [];
    assert.equal(sent.find(([name]) => name === 'Authorization')?.[1], `Bearer ${server.issued[1]}`);
    assert.equal(sent.find(([name]) => name === 'X-Access')?.[1], server.issued[1]);
    assert.deepEqual(historyEntry(again, new Date())?.request?.authHeaders, entry.request?.authHeaders, 'the next entry keeps the templates too');
  });

  it('a header with other {{variables}} beside the token is not kept (stored text is never expanded)', async () => {
    const entry = await sendOnce(`@scheme = Bearer\nGET ${server.url}/me\nAuthorization: {{scheme}} {{$auth.token("api")}}\n`);
    assert.equal(entry.request?.authHeaders, undefined);
  });
});
