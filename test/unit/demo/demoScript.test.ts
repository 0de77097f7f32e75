import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, ensureCliBuilt, runNode } from '../cli/cliProcess';

describe('npm run demo (scripts/demo.mjs)', function () {
  this.timeout(120_000);

  it('runs every example against a fresh demo server, shows the jar, exits 0 and ends by itself', async () => {
    await ensureCliBuilt();
    const privateEnv = join(ROOT, 'examples', 'http-client.private.env.json');
    const hadPrivateEnv = existsSync(privateEnv);
    const run = await runNode([join(ROOT, 'scripts', 'demo.mjs')], { timeoutMs: 90_000, env: { HTTP_SESSION_CLI: CLI } });
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /Demo server listening on http:\/\/127\.0\.0\.1:\d+/);
    for (let n = 1; n <= 8; n += 1) assert.match(run.stdout, new RegExp(`send examples/0${n}-`));
    // 04-login.http: after the login, the customer list is authorized through the jar's cookie
    const login = run.stdout.slice(run.stdout.indexOf('examples/04-login.http'));
    assert.match(login, /### List customers[\s\S]*?"ret": 0,\n\s+"retlist": \[/);
    // 05-without-session.http: the no-cookie-jar request is refused
    assert.match(run.stdout, /### Without the jar[\s\S]*?"ret": 302/);
    // session show at the end lists the login cookie and the named sessions
    const show = run.stdout.slice(run.stdout.lastIndexOf('session show'));
    assert.match(show, /sessionid=/);
    assert.match(show, /Session 'alice'[\s\S]*X-User: alice/);
    assert.equal(existsSync(privateEnv), hadPrivateEnv, 'the demo left http-client.private.env.json behind');
  });
});
