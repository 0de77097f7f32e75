import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer, type DemoServer } from '../../../src/demo/demoServer';
import { ensureCliBuilt, hasStackTrace, runCli } from './cliProcess';


describe('CLI --session: the session file carries the login across runs', function () {
  this.timeout(60_000);
  let demo: DemoServer;
  let dir: string;
  let login: string;
  let customers: string;

  before(async () => {
    await ensureCliBuilt();
    demo = await startDemoServer();
    dir = mkdtempSync(join(tmpdir(), 'cli-session-'));
    login = join(dir, 'login.http');
    customers = join(dir, 'customers.http');
    writeFileSync(login, [
      '# @session-header X-Client: cli-test',
      '###',
      '# @name signin',
      `POST ${demo.url}/api/mgr/signin`,
      'Content-Type: application/x-www-form-urlencoded',
      '',
      'username=byhy&password=88888888',
      '',
    ].join('\n'));
    writeFileSync(customers, `GET ${demo.url}/api/mgr/customers?action=list_customer&pagesize=3&pagenum=1\n`);
  });
  after(async () => {
    await demo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ret = async (sessionPath: string): Promise<number> => {
    const run = await runCli(['send', customers, '--session', sessionPath, '--json']);
    assert.equal(run.code, 0, run.stderr);
    return (JSON.parse(JSON.parse(run.stdout.trim()).body) as { ret: number }).ret;
  };

  it('a login in one run authorizes the customer list in a second run with the same session file', async () => {
    const sessionPath = join(dir, 'round-trip', 'session.json');
    const first = await runCli(['send', login, '--session', sessionPath]);
    assert.equal(first.code, 0, first.stderr);
    assert.ok(existsSync(sessionPath), 'the session file was not created');
    assert.equal(await ret(sessionPath), 0);
  });

  it('without --session the next run starts logged out', async () => {
    const run = await runCli(['send', login]);
    assert.equal(run.code, 0, run.stderr);
    const list = await runCli(['send', customers, '--json']);
    assert.equal((JSON.parse(JSON.parse(list.stdout).body) as { ret: number }).ret, 302);
  });

  it('session show lists the sessionid cookie with its flags and the default header', async () => {
    const sessionPath = join(dir, 'show.json');
    assert.equal((await runCli(['send', login, '--session', sessionPath])).code, 0);
    const show = await runCli(['session', 'show', '--session', sessionPath, '--show-secrets']);
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /Session 'default'/);
    assert.match(show.stdout, /127\.0\.0\.1 {2}\/ {2}sessionid=[0-9a-f]{32} {2}session, HttpOnly, host-only/);
    assert.match(show.stdout, /X-Client: cli-test/);
    assert.match(show.stdout, /Named responses: signin/);
    const json = await runCli(['session', 'show', '--session', sessionPath, '--json']);
    const parsed = JSON.parse(json.stdout) as { sessions: Array<{ name: string; cookies: Array<{ name: string; httpOnly: boolean }> }> };
    const cookie = parsed.sessions[0].cookies.find((c) => c.name === 'sessionid');
    assert.equal(cookie?.httpOnly, true);
  });

  it('session clear empties the file: the next customer list is refused (ret 302)', async () => {
    const sessionPath = join(dir, 'clear.json');
    assert.equal((await runCli(['send', login, '--session', sessionPath])).code, 0);
    assert.equal(await ret(sessionPath), 0);
    const clear = await runCli(['session', 'clear', '--session', sessionPath]);
    assert.equal(clear.code, 0, clear.stderr);
    assert.match(clear.stdout, /Cleared every session/);
    assert.equal(await ret(sessionPath), 302);
    const show = await runCli(['session', 'show', '--session', sessionPath]);
    assert.match(show.stdout, /Cookies: none[\s\S]*Default headers: none/);
  });

  it('session clear --name empties one named session and keeps the others', async () => {
    const sessionPath = join(dir, 'named.json');
    const two = join(dir, 'two.http');
    writeFileSync(two, [
      `# @session alice`, `GET ${demo.url}/cookies/set?who=alice`, '', '###',
      `# @session bob`, `GET ${demo.url}/cookies/set?who=bob`, '',
    ].join('\n'));
    assert.equal((await runCli(['send', two, '--session', sessionPath])).code, 0);
    assert.equal((await runCli(['session', 'clear', '--session', sessionPath, '--name', 'alice'])).code, 0);
    const show = JSON.parse((await runCli(['session', 'show', '--session', sessionPath, '--json', '--show-secrets'])).stdout) as { sessions: Array<{ name: string; cookies: Array<{ value: string }> }> };
    const byName = Object.fromEntries(show.sessions.map((s) => [s.name, s.cookies.map((c) => c.value)]));
    assert.deepEqual(byName.alice, []);
    assert.deepEqual(byName.bob, ['bob']);
    const unknown = await runCli(['session', 'clear', '--session', sessionPath, '--name', 'carol']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no session named 'carol'/);
  });

  it('the session is saved even when a request then gets no response', async () => {
    const sessionPath = join(dir, 'partial.json');
    const file = join(dir, 'partial.http');
    writeFileSync(file, `POST ${demo.url}/api/mgr/signin\nContent-Type: application/x-www-form-urlencoded\n\nusername=byhy&password=88888888\n\n###\nGET http://127.0.0.1:1/unreachable\n`);
    const run = await runCli(['send', file, '--session', sessionPath]);
    assert.equal(run.code, 1);
    assert.equal(await ret(sessionPath), 0);
  });

  it('a corrupt session file is moved aside with a warning, never a crash', async () => {
    const sessionPath = join(dir, 'corrupt.json');
    writeFileSync(sessionPath, '{ not json');
    const run = await runCli(['send', customers, '--session', sessionPath]);
    assert.equal(run.code, 0);
    assert.match(run.stderr, /warning: .*moved to/);
    assert.ok(!hasStackTrace(run.stderr));
    assert.ok(readdirSync(dir).some((name) => name.startsWith('corrupt.json.corrupt-')));
    assert.equal((JSON.parse(readFileSync(sessionPath, 'utf8')) as { version: number }).version, 1);
  });

  it('session show and clear need --session', async () => {
    const run = await runCli(['session', 'show']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /needs --session PATH/);
  });
});
