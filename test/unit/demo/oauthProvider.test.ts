import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer, type DemoServer } from '../../../src/demo/demoServer';
import { SessionStore } from '../../../src/core/session/sessionStore';
import { loadEnvironments } from '../../../src/core/variables/environments';
import { contextFor, runAll } from '../runner/runnerSupport';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');

describe('demo server: the OAuth2 provider behind examples/10-oauth2.http', () => {
  let demo: DemoServer;
  let dir: string;
  before(async () => {
    demo = await startDemoServer();
    dir = mkdtempSync(join(tmpdir(), 'demo-oauth-'));
    writeFileSync(join(dir, 'http-client.env.json'), readFileSync(join(EXAMPLES, 'http-client.env.json')));
    writeFileSync(join(dir, 'http-client.private.env.json'), JSON.stringify({ demo: { baseUrl: demo.url } }));
  });
  after(async () => {
    await demo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the example gets a client-credentials and a password token and reuses the first', async () => {
    const sessions = new SessionStore();
    const ctx = contextFor(readFileSync(join(EXAMPLES, '10-oauth2.http'), 'utf8'), { environment: (await loadEnvironments(dir)).resolve('demo'), sessions });
    const results = await runAll(ctx);
    await sessions.close();
    assert.deepEqual(results.map((r) => r.error?.message), [undefined, undefined, undefined]);
    const subjects = results.map((r) => (JSON.parse(Buffer.from(r.exchange?.response?.body ?? []).toString()) as { subject: string }).subject);
    assert.deepEqual(subjects, ['client:demo-client', 'user:byhy', 'client:demo-client']);
    const tokens = results.map((r) => r.exchange?.hops[0].request.headers.find(([n]) => n === 'Authorization')?.[1]);
    assert.equal(tokens[0], tokens[2], 'the same token both times');
  });

  it('refuses a wrong secret (401 invalid_client), a wrong password and a token it never issued', async () => {
    const post = (body: string, auth = `Basic ${Buffer.from('demo-client:demo-secret').toString('base64')}`) =>
      fetch(`${demo.url}/oauth/token`, { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    assert.equal((await post('grant_type=client_credentials', `Basic ${Buffer.from('demo-client:nope').toString('base64')}`)).status, 401);
    assert.equal((await post('grant_type=password&username=byhy&password=nope')).status, 400);
    const refreshed = (await (await post('grant_type=password&username=byhy&password=88888888')).json()) as { refresh_token: string };
    assert.equal((await post(`grant_type=refresh_token&refresh_token=${refreshed.refresh_token}`)).status, 200);
    assert.equal((await post(`grant_type=refresh_token&refresh_token=${refreshed.refresh_token}`)).status, 400, 'a refresh token is used once');
    assert.equal((await fetch(`${demo.url}/oauth/me`, { headers: { Authorization: 'Bearer made-up' } })).status, 401);
  });
});
