import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type TestServer } from '../../support/startServer';
import { ensureCliBuilt, runCli } from './cliProcess';

// Secrets as a CI log would otherwise show them: a session Authorization, an API key header, a secret query
// parameter, and the session cookie the server sets.
const BEARER = 'xKR4-bearer-s3cret';
const API_KEY = 'k3y-abcdef-123';
const QUERY_TOKEN = 'qt-987654';
const COOKIE = 'sid-c00kie-value';
const SECRETS = [BEARER, API_KEY, QUERY_TOKEN, COOKIE];

interface JsonLine {
  url: string; requestHeaders: Array<[string, string]>; headers: Array<[string, string]>;
  cookies: { sent: Array<{ name: string; value: string }>; stored: Array<{ name: string; value: string }> };
}

describe('CLI output masks secrets unless --show-secrets (send, send --json, session show)', function () {
  this.timeout(60_000);
  let server: TestServer;
  let dir: string;
  let file: string;
  let sessionPath: string;
  const leaked = (text: string): string[] => SECRETS.filter((secret) => text.includes(secret));

  before(async () => {
    await ensureCliBuilt();
    server = await startServer((req, res) => {
      if (req.url === '/login') res.setHeader('Set-Cookie', `sid=${COOKIE}; Path=/; HttpOnly`);
      res.setHeader('Content-Type', 'application/json');
      res.end('{"ok":true}');
    });
    dir = mkdtempSync(join(tmpdir(), 'cli-secrets-'));
    sessionPath = join(dir, 'session.json');
    file = join(dir, 'secrets.http');
    writeFileSync(file, [
      `# @session-auth bearer ${BEARER}`,
      '',
      '### login',
      `POST ${server.url}/login`,
      '',
      '### with a key',
      `GET ${server.url}/items?page=2&access_token=${QUERY_TOKEN}`,
      `X-Api-Key: ${API_KEY}`,
      'Accept: application/json',
      '',
    ].join('\n'));
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('send masks Authorization (scheme kept), secret-looking headers, cookie values and secret URL parameters, all with the one mask', async () => {
    const run = await runCli(['send', file, '--session', sessionPath]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(leaked(run.stdout + run.stderr), []);
    assert.match(run.stdout, /^> Authorization: Bearer ••••••$/m);
    assert.match(run.stdout, /^> X-Api-Key: ••••••$/m);
    assert.match(run.stdout, /^> Accept: application\/json$/m);
    assert.match(run.stdout, /^Set-Cookie: sid=••••••; Path=\/; HttpOnly$/im);
    assert.match(run.stdout, /^Cookies stored: sid=•••••• \(127\.0\.0\.1\/\)$/m);
    assert.match(run.stdout, /^Cookies sent: sid=••••••$/m);
    assert.match(run.stdout, /\/items\?page=2&access_token=••••••/);
    // What was masked is only the output: the server got the real values.
    const sent = server.requests[1];
    assert.ok(sent.headers.some(([n, v]) => n.toLowerCase() === 'authorization' && v === `Bearer ${BEARER}`));
    assert.ok(sent.headers.some(([n, v]) => n.toLowerCase() === 'cookie' && v === `sid=${COOKIE}`));
  });

  it('send --show-secrets prints every value as it was sent and received', async () => {
    const run = await runCli(['send', file, '--show-secrets']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(leaked(run.stdout).sort(), [...SECRETS].sort());
    assert.match(run.stdout, new RegExp(`^> Authorization: Bearer ${BEARER}$`, 'm'));
  });

  it('send --json masks the URL, request and response headers and cookie values; --show-secrets keeps them', async () => {
    const masked = await runCli(['send', file, '--json']);
    assert.equal(masked.code, 0, masked.stderr);
    assert.deepEqual(leaked(masked.stdout), []);
    const [login, keyed] = masked.stdout.trim().split('\n').map((line) => JSON.parse(line) as JsonLine);
    assert.deepEqual(login.headers.find(([n]) => n.toLowerCase() === 'set-cookie'), ['Set-Cookie', 'sid=••••••; Path=/; HttpOnly']);
    assert.deepEqual(login.cookies.stored.map((c) => [c.name, c.value]), [['sid', '••••••']]);
    assert.deepEqual(keyed.cookies.sent, [{ name: 'sid', value: '••••••' }]);
    assert.ok(keyed.requestHeaders.some(([n, v]) => n === 'Authorization' && v === 'Bearer ••••••'));
    assert.ok(keyed.requestHeaders.some(([n, v]) => n === 'X-Api-Key' && v === '••••••'));
    assert.ok(keyed.url.endsWith('access_token=••••••'), keyed.url);
    const shown = await runCli(['send', file, '--json', '--show-secrets']);
    assert.deepEqual(leaked(shown.stdout).sort(), [...SECRETS].sort());
  });

  it('session show (and --json) masks cookie values and the default Authorization; --show-secrets shows them', async () => {
    const filled = await runCli(['send', file, '--session', sessionPath, '-q']);
    assert.equal(filled.code, 0, filled.stderr);
    const shown = await runCli(['session', 'show', '--session', sessionPath]);
    assert.equal(shown.code, 0, shown.stderr);
    assert.deepEqual(leaked(shown.stdout), []);
    assert.match(shown.stdout, /sid=••••••/);
    assert.match(shown.stdout, /Authorization: Bearer ••••••/);
    const json = await runCli(['session', 'show', '--session', sessionPath, '--json']);
    assert.deepEqual(leaked(json.stdout), []);
    const session = (JSON.parse(json.stdout) as { sessions: Array<{ cookies: Array<{ value: string }>; defaultHeaders: Array<[string, string]> }> }).sessions[0];
    assert.deepEqual(session.cookies.map((c) => c.value), ['••••••']);
    assert.deepEqual(session.defaultHeaders, [['Authorization', 'Bearer ••••••']]);
    const revealed = await runCli(['session', 'show', '--session', sessionPath, '--show-secrets']);
    assert.deepEqual(leaked(revealed.stdout).sort(), [BEARER, COOKIE].sort());
  });

  it('-q prints one line per request: status, method, URL (masked), time and size', async () => {
    const run = await runCli(['send', file, '-q']);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, 2, run.stdout);
    assert.match(lines[0], new RegExp(`^200 POST ${server.url}/login  \\(\\d+ ms, 11 B\\)$`));
    assert.match(lines[1], /^200 GET .*\/items\?page=2&access_token=•••••• {2}\(\d+ ms, 11 B\)$/);
    const both = await runCli(['send', file, '-q', '--json']);
    assert.equal(both.code, 2);
  });
});
