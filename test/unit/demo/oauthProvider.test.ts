import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer, type DemoServer } from '../../../src/demo/demoServer';
import { SessionStore } from '../../../src/core/session/sessionStore';
import { loadEnvironments } from '../../../src/core/variables/environments';
import type { OAuthInteraction } from '../../../src/core/auth/oauth/oauthInteraction';
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

  it('the example gets a client-credentials, a password, a browser sign-in and a device token, and reuses the first', async () => {
    const sessions = new SessionStore();
    const shown: string[] = [];
    // The user: the browser follows the authorization page's redirect; the device page is opened with the code.
    const oauth: OAuthInteraction = {
      openAuthorization: (prompt) => void fetch(prompt.url).then((r) => r.text()),
      showDeviceCode: (prompt) => {
        shown.push(prompt.userCode);
        void fetch(`${prompt.verificationUri}?user_code=${prompt.userCode}`).then((r) => r.text());
      },
    };
    const ctx = contextFor(readFileSync(join(EXAMPLES, '10-oauth2.http'), 'utf8'), { environment: (await loadEnvironments(dir)).resolve('demo'), sessions, oauth });
    const results = await runAll(ctx);
    await sessions.close();
    assert.deepEqual(results.map((r) => r.error?.message), [undefined, undefined, undefined, undefined, undefined]);
    const subjects = results.map((r) => (JSON.parse(Buffer.from(r.exchange?.response?.body ?? []).toString()) as { subject: string }).subject);
    assert.deepEqual(subjects, ['client:demo-client', 'user:byhy', 'client:demo-client', 'user:byhy', 'user:byhy']);
    assert.match(shown[0], /^[A-Z]{4}-[A-Z]{4}$/);
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

  it('the authorization page redirects only to loopback URIs, and a code needs its PKCE verifier', async () => {
    const authorize = (redirect: string, extra = '') => fetch(`${demo.url}/oauth/authorize?response_type=code&client_id=demo-client&state=s1&redirect_uri=${encodeURIComponent(redirect)}${extra}`, { redirect: 'manual' });
    assert.equal((await authorize('https://evil.example/cb')).status, 400, 'no open redirect');
    const back = await authorize('http://127.0.0.1:9/cb', '&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256');
    assert.equal(back.status, 302);
    const location = new URL(back.headers.get('location') ?? '');
    assert.equal(location.searchParams.get('state'), 's1');
    const exchange = (verifier: string) => fetch(`${demo.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'demo-client', code: location.searchParams.get('code') ?? '', redirect_uri: 'http://127.0.0.1:9/cb', code_verifier: verifier }).toString(),
    });
    assert.equal((await exchange('wrong-verifier-wrong-verifier-wrong-verifier')).status, 400);
    const again = await authorize('http://127.0.0.1:9/cb', '&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256');
    const code = new URL(again.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const ok = await fetch(`${demo.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'demo-client', code, redirect_uri: 'http://127.0.0.1:9/cb', code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk' }).toString(),
    });
    assert.equal(ok.status, 200);
  });
});
