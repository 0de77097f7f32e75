import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOAuthServer, type OAuthServer } from '../../support/startOAuthServer';
import { ensureCliBuilt, runCli } from './cliProcess';

describe('CLI: OAuth2 sign-in grants print what the user must open and wait for it', function () {
  this.timeout(60_000);
  let server: OAuthServer;
  let dir: string;

  before(async () => {
    await ensureCliBuilt();
    server = await startOAuthServer({ clientId: 'cli-native', clientSecret: 'unused-secret' });
    dir = mkdtempSync(join(tmpdir(), 'cli-oauth-browser-'));
    writeFileSync(join(dir, 'http-client.env.json'), JSON.stringify({ dev: { Security: { Auth: {
      web: { Type: 'OAuth2', 'Grant Type': 'Authorization Code', 'Auth URL': server.authUrl, 'Token URL': server.tokenUrl, 'Client ID': 'cli-native', PKCE: true },
      tv: { Type: 'OAuth2', 'Grant Type': 'Device Authorization', 'Device Auth URL': server.deviceAuthUrl, 'Token URL': server.tokenUrl, 'Client ID': 'cli-native' },
    } } } }));
    writeFileSync(join(dir, 'web.http'), `GET ${server.url}/me\nAuthorization: Bearer {{$auth.token("web")}}\n`);
    writeFileSync(join(dir, 'tv.http'), `GET ${server.url}/me\nAuthorization: Bearer {{$auth.token("tv")}}\n`);
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Opens the URL that `pattern` captures in stderr, once, as the user's browser would. */
  function openPrinted(pattern: RegExp): (stderr: string) => void {
    let opened = false;
    return (stderr) => {
      const url = pattern.exec(stderr)?.[1];
      if (!url || opened) return;
      opened = true;
      void fetch(url, { redirect: 'follow' }).then((r) => r.text());
    };
  }

  it('Authorization Code: the URL is printed on stderr, the redirect completes the run, and the next run reuses the saved token', async () => {
    const session = join(dir, 'web-session.json');
    const first = await runCli(['send', 'web.http', '--env', 'dev', '--session', session, '--json'], { cwd: dir, onStderr: openPrinted(/open this URL in a browser to sign in[^\n]*\n {2}(\S+)/) });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /OAuth2 'web': open this URL in a browser to sign in \(waiting 300 s for the redirect to http:\/\/127\.0\.0\.1:\d+\/callback\):\n {2}http:\/\/127\.0\.0\.1:\d+\/authorize\?response_type=code&client_id=cli-native&/);
    const second = await runCli(['send', 'web.http', '--env', 'dev', '--session', session, '--json'], { cwd: dir });
    assert.equal(second.code, 0, second.stderr);
    assert.doesNotMatch(second.stderr, /open this URL/);
    assert.equal(server.authorizeCalls.length, 1);
    assert.ok(!first.stdout.includes(server.issued[0]) && !first.stderr.includes(server.issued[0]), 'the token is not printed');
  });

  it('Authorization Code: no sign-in within --oauth-wait ends the run with a message that says so (exit 1)', async () => {
    const run = await runCli(['send', 'web.http', '--env', 'dev', '--oauth-wait', '1'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /OAuth2 'web' \(http-client\.env\.json\): no redirect arrived at http:\/\/127\.0\.0\.1:\d+\/callback within 1 s: was the sign-in finished in the browser\?/);
  });

  it('Device Authorization: the code and the verification URL are printed; approving it completes the run', async () => {
    const run = await runCli(['send', 'tv.http', '--env', 'dev'], { cwd: dir, onStderr: openPrinted(/ {2}or open (\S+)/) });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, new RegExp(`OAuth2 'tv': open ${server.url}/device and enter the code U[0-9A-F]{6} \\(it expires in 600 s\\)`));
  });
});
