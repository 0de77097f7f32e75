import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AuthorizationPrompt, DeviceCodePrompt, OAuthInteraction } from '../../../src/core/auth/oauth/oauthInteraction';
import type { OAuthServer } from '../../support/startOAuthServer';
import { runNamed } from '../runner/runnerSupport';
import { meBody, meRequest, oauthFixture } from '../../support/oauthFixture';

const CLIENT = { clientId: 'native-app', clientSecret: 'n4tive-secret' };
const ME = meRequest;

/** The user's browser: follows the authorization URL's redirects (to the loopback listener) as a browser does. */
async function browse(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { redirect: 'follow' });
  return { status: response.status, text: await response.text() };
}

describe('OAuth2 grants that need the user', () => {
  const { serve, environment, context: run } = oauthFixture(CLIENT);
  const body = meBody;

  describe('Authorization Code with PKCE', () => {
    function authCode(server: OAuthServer, extra: Record<string, unknown> = {}): Record<string, unknown> {
      return { api: { Type: 'OAuth2', 'Grant Type': 'Authorization Code', 'Auth URL': server.authUrl, 'Token URL': server.tokenUrl, 'Client ID': CLIENT.clientId, Scope: 'openid read', PKCE: true, ...extra } };
    }
    /** An interaction whose "browser" opens each authorization URL; what it was shown is kept. */
    function signingIn(): OAuthInteraction & { prompts: AuthorizationPrompt[]; pages: string[] } {
      const prompts: AuthorizationPrompt[] = [];
      const pages: string[] = [];
      return {
        prompts,
        pages,
        openAuthorization(prompt) {
          prompts.push(prompt);
          void browse(prompt.url).then((page) => pages.push(page.text));
        },
        showDeviceCode() { throw new Error('not a device grant'); },
      };
    }

    it('the browser signs in, the redirect reaches the loopback listener, the code is exchanged with the PKCE verifier; the token is reused', async () => {
      const server = await serve();
      const user = signingIn();
      const ctx = run(`${ME(server)}###\n${ME(server)}`, await environment(authCode(server)), user);
      const first = await runNamed(ctx, 0);
      assert.equal(first.exchange?.response?.status, 200, first.error?.message);
      assert.equal(body(first).subject, `user:${CLIENT.clientId}`);
      const authorize = server.authorizeCalls[0].params;
      assert.equal(authorize.response_type, 'code');
      assert.equal(authorize.code_challenge_method, 'S256');
      assert.match(authorize.redirect_uri, /^http:\/\/127\.0\.0\.1:\d+\/callback$/);
      assert.equal(user.prompts[0].redirectUrl, authorize.redirect_uri);
      const exchange = server.tokenCalls[0];
      assert.equal(exchange.grantType, 'authorization_code');
      assert.equal(exchange.form.redirect_uri, authorize.redirect_uri);
      assert.match(exchange.form.code_verifier, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(exchange.basic, false, 'a public client (no secret) names itself by client_id');
      assert.equal(exchange.form.client_id, CLIENT.clientId);
      const second = await runNamed(ctx, 1);
      assert.equal(body(second).tokenNumber, 1);
      assert.equal(server.authorizeCalls.length, 1, 'the user signed in once');
      assert.equal(ctx.sessions.get('default').oauthTokens.get('api')?.grant, 'authorization_code');
    });

    it('the loopback listener is closed after the sign-in', async () => {
      const server = await serve();
      const user = signingIn();
      await runNamed(run(ME(server), await environment(authCode(server)), user), 0);
      const port = Number(new URL(user.prompts[0].redirectUrl).port);
      assert.equal(await portIsFree(port), true);
    });

    it('a Redirect URL with a port is listened on at that port; a secret sends the client as HTTP Basic', async () => {
      const server = await serve();
      const port = await freePort();
      const user = signingIn();
      const env = await environment(authCode(server, { 'Redirect URL': `http://localhost:${port}/back`, 'Client Secret': CLIENT.clientSecret }));
      const result = await runNamed(run(ME(server), env, user), 0);
      assert.equal(result.exchange?.response?.status, 200, result.error?.message);
      assert.equal(server.authorizeCalls[0].params.redirect_uri, `http://localhost:${port}/back`);
      assert.equal(server.tokenCalls[0].basic, true);
    });

    it('a redirect with another state is refused and nothing is kept', async () => {
      const server = await serve();
      const forged: OAuthInteraction = {
        async openAuthorization(prompt) {
          const state = new URL(prompt.url).searchParams.get('state');
          const page = await browse(`${prompt.redirectUrl}?code=stolen&state=${state}x`);
          assert.equal(page.status, 400);
        },
        showDeviceCode() {},
      };
      const ctx = run(ME(server), await environment(authCode(server)), forged);
      const result = await runNamed(ctx, 0);
      assert.match(result.error?.message ?? '', /^OAuth2 'api' \(http-client\.env\.json\): the redirect came back with another state than the one sent/);
      assert.equal(server.tokenCalls.length, 0);
      assert.equal(ctx.sessions.get('default').oauthTokens.size, 0);
    });

    it('a denied sign-in names the reason', async () => {
      const server = await serve({ authorize: 'deny' });
      const result = await runNamed(run(ME(server), await environment(authCode(server)), signingIn()), 0);
      assert.match(result.error?.message ?? '', /the authorization server refused the sign-in \(access_denied: the user said no\)/);
    });

    it('no redirect within the wait is a TIMEOUT that says what to do, and the listener is closed', async () => {
      const server = await serve();
      const prompts: AuthorizationPrompt[] = [];
      const idle: OAuthInteraction = { waitMs: 300, openAuthorization: (prompt) => void prompts.push(prompt), showDeviceCode() {} };
      const result = await runNamed(run(ME(server), await environment(authCode(server)), idle), 0);
      assert.equal(result.error?.code, 'TIMEOUT');
      assert.match(result.error?.message ?? '', /no redirect arrived at http:\/\/127\.0\.0\.1:\d+\/callback within 0 s: was the sign-in finished in the browser\?/);
      assert.equal(await portIsFree(Number(new URL(prompts[0].redirectUrl).port)), true);
    });

    it('without an interaction (no editor, no CLI) the grant is a clear error; a non-loopback Redirect URL names the field', async () => {
      const server = await serve();
      const none = await runNamed(run(ME(server), await environment(authCode(server))), 0);
      assert.match(none.error?.message ?? '', /the Authorization Code grant needs the user to sign in; send the request from the editor or the http-session CLI/);
      const remote = await runNamed(run(ME(server), await environment(authCode(server, { 'Redirect URL': 'https://app.example/cb' })), signingIn()), 0);
      assert.match(remote.error?.message ?? '', /"Redirect URL" must be a loopback http URL such as http:\/\/127\.0\.0\.1:8765\/callback/);
      const noAuthUrl = await runNamed(run(ME(server), await environment(authCode(server, { 'Auth URL': '' }))), 0);
      assert.equal(noAuthUrl.error?.message, `Auth configuration 'api' (http-client.env.json): "Auth URL" is missing`);
    });

    it('an expiring token is refreshed without a new sign-in', async () => {
      const server = await serve();
      const user = signingIn();
      const ctx = run(ME(server), await environment(authCode(server)), user);
      await runNamed(ctx, 0);
      ctx.sessions.get('default').oauthTokens.get('api')!.expiresAt = Date.now() + 1000;
      const again = await runNamed(ctx, 0);
      assert.equal(body(again).tokenNumber, 2, again.error?.message);
      assert.deepEqual(server.tokenCalls.map((c) => c.grantType), ['authorization_code', 'refresh_token']);
      assert.equal(server.tokenCalls[1].form.client_id, CLIENT.clientId);
      assert.equal(user.prompts.length, 1);
    });
  });

  describe('Device Authorization', () => {
    function device(server: OAuthServer, extra: Record<string, unknown> = {}): Record<string, unknown> {
      return { tv: { Type: 'OAuth2', 'Grant Type': 'Device Authorization', 'Device Auth URL': server.deviceAuthUrl, 'Token URL': server.tokenUrl, 'Client ID': CLIENT.clientId, Scope: 'read', ...extra } };
    }
    /** The user approves the code on another device after `afterMs`; polls are counted by the server. */
    function approving(afterMs: number, pollSecondMs = 20): OAuthInteraction & { shown: DeviceCodePrompt[] } {
      const shown: DeviceCodePrompt[] = [];
      return {
        shown,
        pollSecondMs,
        openAuthorization() { throw new Error('not an authorization code grant'); },
        showDeviceCode(prompt) {
          shown.push(prompt);
          setTimeout(() => void browse(prompt.verificationUriComplete ?? ''), afterMs);
        },
      };
    }
    const polls = (server: OAuthServer): number => server.tokenCalls.filter((c) => c.grantType === 'urn:ietf:params:oauth:grant-type:device_code').length;

    it('the user code and URL are shown; polling waits through authorization_pending and gets the token once approved', async () => {
      const server = await serve();
      const user = approving(100);
      const ctx = run(ME(server, 'tv'), await environment(device(server)), user);
      const result = await runNamed(ctx, 0);
      assert.equal(result.exchange?.response?.status, 200, result.error?.message);
      assert.equal(body(result).subject, `device:${CLIENT.clientId}`);
      assert.match(user.shown[0].userCode, /^U[0-9A-F]{6}$/);
      assert.equal(user.shown[0].verificationUri, `${server.url}/device`);
      assert.equal(server.deviceCalls[0].params.client_id, CLIENT.clientId);
      assert.equal(server.deviceCalls[0].params.scope, 'read');
      assert.ok(polls(server) >= 2, `pending polls came first (${polls(server)})`);
      assert.equal(ctx.sessions.get('default').oauthTokens.get('tv')?.grant, 'device_code');
      const again = await runNamed(ctx, 0);
      assert.equal(body(again).tokenNumber, 1);
      assert.equal(server.deviceCalls.length, 1);
    });

    it('polls honour the interval, and slow_down adds 5 seconds to it', async () => {
      const server = await serve({ deviceInterval: 2, slowDowns: 1 });
      const started: number[] = [];
      const user = approving(0, 10);
      const original = user.showDeviceCode.bind(user);
      user.showDeviceCode = (prompt) => { started.push(Date.now()); return original(prompt); };
      const result = await runNamed(run(ME(server, 'tv'), await environment(device(server)), user), 0);
      assert.equal(result.exchange?.response?.status, 200, result.error?.message);
      // 2 "s" to the first poll (slow_down), then 2 + 5 "s": at least 90 ms at 10 ms a second.
      assert.equal(polls(server), 2);
      assert.ok(Date.now() - started[0] >= 90, `${Date.now() - started[0]} ms`);
    });

    it('access_denied and expired_token end the wait with a message that says so', async () => {
      const denied = await serve();
      const denying: OAuthInteraction = { pollSecondMs: 10, openAuthorization() {}, showDeviceCode: () => void setTimeout(() => denied.denyDevice(), 30) };
      const refused = await runNamed(run(ME(denied, 'tv'), await environment(device(denied)), denying), 0);
      assert.match(refused.error?.message ?? '', new RegExp(`^OAuth2 'tv' \\(http-client\\.env\\.json\\): the sign-in at ${denied.url}/device was denied \\(access_denied\\)$`));

      const slow = await serve({ deviceExpiresIn: 1 });
      const away: OAuthInteraction = { pollSecondMs: 1000, openAuthorization() {}, showDeviceCode() {} };
      const expired = await runNamed(run(ME(slow, 'tv'), await environment(device(slow)), away), 0);
      assert.equal(expired.error?.code, 'TIMEOUT');
      assert.match(expired.error?.message ?? '', /the code U[0-9A-F]{6} expired before the sign-in at \S+ was approved; send the request again for a new code/);
    });

    it('cancelling the request stops the polling', async () => {
      const server = await serve();
      const controller = new AbortController();
      const waiting: OAuthInteraction = { pollSecondMs: 20, openAuthorization() {}, showDeviceCode: () => void setTimeout(() => controller.abort(), 50) };
      const ctx = { ...run(ME(server, 'tv'), await environment(device(server)), waiting), signal: controller.signal };
      const result = await runNamed(ctx, 0);
      assert.equal(result.error?.code, 'CANCELLED');
      const count = polls(server);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(polls(server), count, 'no poll after the cancel');
    });

    it('a missing "Device Auth URL" names the field', async () => {
      const server = await serve();
      const result = await runNamed(run(ME(server, 'tv'), await environment(device(server, { 'Device Auth URL': undefined })), approving(0)), 0);
      assert.equal(result.error?.message, `Auth configuration 'tv' (http-client.env.json): "Device Auth URL" is missing`);
    });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
