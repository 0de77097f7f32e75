import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOAuthServer, type OAuthServer } from '../../support/startOAuthServer';
import { ensureCliBuilt, runCli } from './cliProcess';

describe('CLI: OAuth2 tokens kept in the --session file', function () {
  this.timeout(60_000);
  let server: OAuthServer;
  let dir: string;
  let file: string;
  const secret = 'cli-s3cret-value';

  before(async () => {
    await ensureCliBuilt();
    server = await startOAuthServer({ clientId: 'app', clientSecret: secret });
    dir = mkdtempSync(join(tmpdir(), 'cli-oauth-'));
    file = join(dir, 'api.http');
    writeFileSync(join(dir, 'http-client.env.json'), JSON.stringify({ dev: { Security: { Auth: { api: { Type: 'OAuth2', 'Grant Type': 'Client Credentials', 'Token URL': server.tokenUrl, 'Client ID': 'app' } } } } }));
    writeFileSync(join(dir, 'http-client.private.env.json'), JSON.stringify({ dev: { Security: { Auth: { api: { 'Client Secret': secret } } } } }));
    writeFileSync(file, `GET ${server.url}/me\nAuthorization: Bearer {{$auth.token("api")}}\n`);
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a second run with the same --session reuses the token; no output shows the token or the client secret', async () => {
    const session = join(dir, 'session.json');
    const first = await runCli(['send', file, '--env', 'dev', '--session', session], { cwd: dir });
    assert.equal(first.code, 0, first.stderr);
    const second = await runCli(['send', file, '--env', 'dev', '--session', session, '--json'], { cwd: dir });
    assert.equal(second.code, 0, second.stderr);
    assert.equal((JSON.parse(JSON.parse(second.stdout.trim()).body as string) as { tokenNumber: number }).tokenNumber, 1);
    assert.equal(server.tokenCalls.length, 1, 'one token endpoint call over both runs');
    const show = await runCli(['session', 'show', '--session', session], { cwd: dir });
    assert.match(show.stdout, /OAuth2 tokens\n {4}api \(client_credentials\) •+ {2}expires \d{4}-\d\d-\d\dT[\d:.]+Z, refreshable/);
    const token = server.issued[0];
    assert.ok(readFileSync(session, 'utf8').includes(token), 'the token is saved with the session');
    for (const output of [first.stdout, first.stderr, second.stdout, second.stderr, show.stdout, show.stderr]) {
      assert.ok(!output.includes(token), `the token was printed:\n${output}`);
      assert.ok(!output.includes(secret), `the client secret was printed:\n${output}`);
    }
  });

  it('a refused token request exits with the message naming the auth configuration and both env files', async () => {
    const bad = join(dir, 'bad.http');
    writeFileSync(bad, `GET ${server.url}/me\nAuthorization: Bearer {{$auth.token("api")}}\n`);
    writeFileSync(join(dir, 'http-client.private.env.json'), JSON.stringify({ dev: { Security: { Auth: { api: { 'Client Secret': 'wrong' } } } } }));
    const run = await runCli(['send', bad, '--env', 'dev'], { cwd: dir });
    writeFileSync(join(dir, 'http-client.private.env.json'), JSON.stringify({ dev: { Security: { Auth: { api: { 'Client Secret': secret } } } } }));
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /OAuth2 'api' \(http-client\.env\.json, http-client\.private\.env\.json\): the token endpoint \S+ refused the client_credentials grant with 401 \(invalid_client/);
  });
});
