import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, ensureCliBuilt, runNode } from '../cli/cliProcess';

describe('npm run demo (scripts/demo.mjs)', function () {
  this.timeout(120_000);
  let dir: string;

  // A copy of examples/, so that test runs never race a user's `npm run demo` over the private env file.
  before(async () => {
    await ensureCliBuilt();
    dir = mkdtempSync(join(tmpdir(), 'demo-examples-'));
    for (const name of readdirSync(join(ROOT, 'examples'))) {
      if (name !== 'http-client.private.env.json') copyFileSync(join(ROOT, 'examples', name), join(dir, name));
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const runDemo = () => runNode([join(ROOT, 'scripts', 'demo.mjs')], {
    timeoutMs: 90_000,
    env: { HTTP_SESSION_CLI: CLI, HTTP_SESSION_DEMO_DIR: dir },
  });

  it('runs every example against a fresh demo server, shows the jar, exits 0 and ends by itself', async () => {
    const run = await runDemo();
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /Demo server listening on http:\/\/127\.0\.0\.1:\d+/);
    for (let n = 1; n <= 9; n += 1) assert.match(run.stdout, new RegExp(`send \\S+0${n}-\\S+\\.http --env demo`));
    // 04-login.http: after the login, the customer list is authorized through the jar's cookie
    const login = run.stdout.slice(run.stdout.indexOf('04-login.http'));
    assert.match(login, /### List customers[\s\S]*?"ret": 0,\n\s+"retlist": \[/);
    // 11-refs.http: @ref signin is satisfied by 04's login in the same session; @forceRef logs in again first
    const refs = run.stdout.slice(run.stdout.indexOf('11-refs.http --env demo'));
    assert.match(refs, /### Customers: logged in first only when the session is not[\s\S]*?# sent first for a # @ref \(A fresh login every time, then the customers needs it\)\n### signin[\s\S]*?### A fresh login every time/);
    assert.doesNotMatch(refs.slice(0, refs.indexOf('### Customers')), /### signin/);
    // 05-without-session.http: the no-cookie-jar request is refused
    assert.match(run.stdout, /### Without the jar[\s\S]*?"ret": 302/);
    // session show at the end lists the login cookie and the named sessions
    const show = run.stdout.slice(run.stdout.lastIndexOf('session show'));
    assert.match(show, /sessionid=/);
    assert.match(show, /Session 'alice'[\s\S]*X-User: alice/);
    assert.equal(existsSync(join(dir, 'http-client.private.env.json')), false, 'the demo left its private env file behind');
    // 09-tests.http: the login script's global is in the session, masked
    assert.match(show, /Globals\n {4}apiToken = ••••••/);
    // ends with `http-session test` over every example and its closing line
    const test = run.stdout.slice(run.stdout.lastIndexOf('http-session test '));
    assert.match(test, /✔ Who am I\? The global goes out as \{\{apiToken\}\} {2}200/);
    assert.match(run.stdout, /\n\d+ passed, 0 failed\n$/);
  });

  it('points the demo environment at its server through the private env file, restoring what was there', async () => {
    const mine = JSON.stringify({ demo: { token: 'kept' }, other: { x: '1' } }, null, 2);
    writeFileSync(join(dir, 'http-client.private.env.json'), mine);
    const run = await runDemo();
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.equal(readFileSync(join(dir, 'http-client.private.env.json'), 'utf8'), mine);
  });
});
