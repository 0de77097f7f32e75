import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadSessionFile, saveSessionFile } from '../../../src/core/session/sessionFile';
import { SessionStore } from '../../../src/core/session/sessionStore';
import type { OAuthServer } from '../../support/startOAuthServer';
import { runAll, runNamed } from '../runner/runnerSupport';
import { meBody, meRequest, oauthFixture } from '../../support/oauthFixture';

const CLIENT = { clientId: 'cli-app', clientSecret: 's3cret-client', username: 'ada', password: 'pa55-word' };
const ME = meRequest;

describe('OAuth2 with the token in the session', () => {
  const fixture = oauthFixture(CLIENT);
  const serve = fixture.serve;
  /** An environment `dev` read from real env files holding `auth` (and `privateAuth` in the private file). */
  const environment = (auth: Record<string, unknown>, privateAuth?: Record<string, unknown>) => fixture.environment(auth, privateAuth, { host: 'x' });
  function clientCredentials(server: OAuthServer, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { api: { Type: 'OAuth2', 'Grant Type': 'Client Credentials', 'Token URL': server.tokenUrl, 'Client ID': CLIENT.clientId, 'Client Secret': CLIENT.clientSecret, Scope: 'read', ...extra } };
  }
  const ctx = (text: string, env: Record<string, string>, sessions = new SessionStore()) => fixture.context(text, env, undefined, sessions);
  const body = meBody;

  it('client credentials: the token is fetched once (client as HTTP Basic) and reused by every request of the file', async () => {
    const server = await serve();
    const run = ctx(`${ME(server)}###\n${ME(server)}`, await environment(clientCredentials(server)));
    const results = await runAll(run);
    assert.deepEqual(results.map((r) => r.exchange?.response?.status), [200, 200], results[0].error?.message);
    assert.deepEqual(results.map((r) => body(r).tokenNumber), [1, 1]);
    assert.equal(server.tokenCalls.length, 1);
    assert.deepEqual(server.tokenCalls[0], { grantType: 'client_credentials', form: { grant_type: 'client_credentials', scope: 'read' }, basic: true });
  });

  it('"Client Credentials": "in body" sends client_id and client_secret as form fields', async () => {
    const server = await serve();
    const result = await runNamed(ctx(ME(server), await environment(clientCredentials(server, { 'Client Credentials': 'in body' }))), 0);
    assert.equal(result.exchange?.response?.status, 200, result.error?.message);
    assert.equal(server.tokenCalls[0].basic, false);
    assert.equal(server.tokenCalls[0].form.client_id, CLIENT.clientId);
    assert.equal(server.tokenCalls[0].form.client_secret, CLIENT.clientSecret);
  });

  it('password grant: username and password go to the token endpoint; the secret may live in the private env file', async () => {
    const server = await serve();
    const env = await environment(
      { user: { Type: 'OAuth2', 'Grant Type': 'Password', 'Token URL': server.tokenUrl, 'Client ID': CLIENT.clientId, Username: '{{who}}', Password: CLIENT.password } },
      { user: { 'Client Secret': CLIENT.clientSecret } },
    );
    const result = await runNamed(ctx(`@who = ada\n${ME(server, 'user')}`, env), 0);
    assert.equal(result.exchange?.response?.status, 200, result.error?.message);
    assert.equal(body(result).subject, 'user:ada');
    assert.equal(server.tokenCalls[0].form.username, 'ada');
  });

  it('a second file in the same session reuses the token', async () => {
    const server = await serve();
    const env = await environment(clientCredentials(server));
    const sessions = new SessionStore();
    await runNamed(ctx(ME(server), env, sessions), 0);
    const second = await runNamed(ctx(`# another file\n${ME(server)}`, env, sessions), 0);
    assert.equal(body(second).tokenNumber, 1);
    assert.equal(server.tokenCalls.length, 1);
  });

  it('requests sent side by side share one token fetch', async () => {
    const server = await serve();
    const run = ctx(ME(server), await environment(clientCredentials(server)));
    const results = await Promise.all([runNamed(run, 0), runNamed(run, 0), runNamed(run, 0)]);
    assert.deepEqual(results.map((r) => r.exchange?.response?.status), [200, 200, 200]);
    assert.equal(server.tokenCalls.length, 1);
  });

  it('shortly before expiry the token is refreshed with the refresh token', async () => {
    const server = await serve();
    const run = ctx(ME(server), await environment(clientCredentials(server)));
    await runNamed(run, 0);
    const kept = run.sessions.get('default').oauthTokens.get('api');
    assert.ok(kept?.expiresAt && kept.refreshToken);
    kept.expiresAt = Date.now() + 10_000; // inside the 30 s renewal window
    const again = await runNamed(run, 0);
    assert.equal(body(again).tokenNumber, 2);
    assert.deepEqual(server.tokenCalls.map((c) => c.grantType), ['client_credentials', 'refresh_token']);
    assert.equal(server.tokenCalls[1].form.refresh_token, kept.refreshToken);
  });

  it('a refused refresh token falls back to the grant itself; no refresh token at all fetches anew', async () => {
    const server = await serve();
    const run = ctx(ME(server), await environment(clientCredentials(server)));
    await runNamed(run, 0);
    server.revokeRefreshTokens();
    run.sessions.get('default').oauthTokens.get('api')!.expiresAt = Date.now() - 1;
    const again = await runNamed(run, 0);
    assert.equal(again.exchange?.response?.status, 200, again.error?.message);
    assert.deepEqual(server.tokenCalls.map((c) => c.grantType), ['client_credentials', 'refresh_token', 'client_credentials']);

    const noRefresh = await serve({ refreshTokens: false });
    const run2 = ctx(ME(noRefresh), await environment(clientCredentials(noRefresh)));
    await runNamed(run2, 0);
    run2.sessions.get('default').oauthTokens.get('api')!.expiresAt = Date.now() - 1;
    await runNamed(run2, 0);
    assert.deepEqual(noRefresh.tokenCalls.map((c) => c.grantType), ['client_credentials', 'client_credentials']);
  });

  it('Clear Session drops the token: the next request fetches a new one', async () => {
    const server = await serve();
    const run = ctx(ME(server), await environment(clientCredentials(server)));
    await runNamed(run, 0);
    await run.sessions.get('default').clear();
    assert.equal(run.sessions.get('default').oauthTokens.size, 0);
    const again = await runNamed(run, 0);
    assert.equal(body(again).tokenNumber, 2);
    assert.equal(server.tokenCalls.length, 2);
  });

  it('a changed configuration (another scope) gets its own token', async () => {
    const server = await serve();
    const sessions = new SessionStore();
    await runNamed(ctx(ME(server), await environment(clientCredentials(server)), sessions), 0);
    await runNamed(ctx(ME(server), await environment(clientCredentials(server, { Scope: 'write' })), sessions), 0);
    assert.deepEqual(server.tokenCalls.map((c) => c.form.scope), ['read', 'write']);
  });

  it('the token is saved with the session file and reused after loading it', async () => {
    const server = await serve();
    const env = await environment(clientCredentials(server));
    const dir = await fixture.tempDir('oauth-session-');
    const path = join(dir, 'session.json');
    const first = ctx(ME(server), env);
    await runNamed(first, 0);
    await saveSessionFile(path, first.sessions);
    const loaded = await loadSessionFile(path);
    assert.deepEqual(loaded.warnings, []);
    const second = await runNamed(ctx(ME(server), env, loaded.store), 0);
    assert.equal(body(second).tokenNumber, 1);
    assert.equal(server.tokenCalls.length, 1);
  });

  it('{{$auth.idToken("NAME")}} gives the id_token; none given is a clear error', async () => {
    const server = await serve({ idToken: true });
    const text = `GET ${server.url}/me\nAuthorization: Bearer {{$auth.token("api")}}\nX-Id: {{$auth.idToken("api")}}\n`;
    const result = await runNamed(ctx(text, await environment(clientCredentials(server))), 0);
    assert.equal(result.exchange?.hops[0].request.headers.find(([n]) => n === 'X-Id')?.[1], 'id-client:cli-app-1');
    const plain = await serve();
    const failed = await runNamed(ctx(text.replace(server.url, plain.url), await environment(clientCredentials(plain))), 0);
    assert.match(failed.error?.message ?? '', /\{\{\$auth\.idToken\("api"\)\}\} on line 3: the token endpoint gave no id_token for 'api'/);
  });

  describe('token endpoint errors name the auth configuration and the env file, never a secret', () => {
    it('a wrong client secret (401 invalid_client)', async () => {
      const server = await serve();
      const result = await runNamed(ctx(ME(server), await environment(clientCredentials(server, { 'Client Secret': 'wrong-one' }))), 0);
      assert.equal(result.exchange, undefined, 'the request itself was not sent');
      assert.equal(result.error?.message, `OAuth2 'api' (http-client.env.json): the token endpoint ${server.tokenUrl} refused the client_credentials grant with 401 (invalid_client: unknown client or wrong secret)`);
      assert.doesNotMatch(result.error?.message ?? '', /wrong-one/);
    });

    it('a wrong password (400 invalid_grant), the config split over both env files', async () => {
      const server = await serve();
      const env = await environment(
        { user: { Type: 'OAuth2', 'Grant Type': 'Password', 'Token URL': server.tokenUrl, 'Client ID': CLIENT.clientId, Username: 'ada' } },
        { user: { 'Client Secret': CLIENT.clientSecret, Password: 'not-it' } },
      );
      const result = await runNamed(ctx(ME(server, 'user'), env), 0);
      assert.match(result.error?.message ?? '', /^OAuth2 'user' \(http-client\.env\.json, http-client\.private\.env\.json\): .* 400 \(invalid_grant: wrong username or password\)$/);
      assert.doesNotMatch(result.error?.message ?? '', /not-it|s3cret/);
    });

    it('an unreachable token endpoint', async () => {
      const server = await serve();
      const url = server.tokenUrl;
      await server.close();
      const result = await runNamed(ctx(`GET http://127.0.0.1:9/\nAuthorization: Bearer {{$auth.token("api")}}\n`, await environment(clientCredentials(server, { 'Token URL': url }))), 0);
      assert.equal(result.error?.code, 'REFUSED');
      assert.match(result.error?.message ?? '', new RegExp(`^OAuth2 'api' \\(http-client\\.env\\.json\\): the token endpoint ${url} could not be reached`));
    });

    it('an unknown configuration name lists the known ones; a bad configuration names the field', async () => {
      const server = await serve();
      const env = await environment(clientCredentials(server));
      const unknown = await runNamed(ctx(ME(server, 'other'), env), 0);
      assert.equal(unknown.error?.message, `No auth configuration 'other' for {{$auth.token("other")}}: the selected environment defines 'api'`);
      const noUrl = await runNamed(ctx(ME(server), await environment(clientCredentials(server, { 'Token URL': '' }))), 0);
      assert.equal(noUrl.error?.message, `Auth configuration 'api' (http-client.env.json): "Token URL" is missing`);
      const grant = await runNamed(ctx(ME(server), await environment(clientCredentials(server, { 'Grant Type': 'Magic' }))), 0);
      assert.match(grant.error?.message ?? '', /"Grant Type" must be "Client Credentials", "Password", "Authorization Code" or "Device Authorization" \(found "Magic"\)/);
      assert.equal(server.tokenCalls.length, 0);
    });
  });
});
