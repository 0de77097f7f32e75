import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSessionFile, saveSessionFile } from '../../../src/core/session/sessionFile';
import { SessionStore } from '../../../src/core/session/sessionStore';
import { startServer, type TestServer } from '../../support/startServer';
import { ensureCliBuilt, runNode } from '../cli/cliProcess';
import { cliSend, contextIn, oneErrorLine, runAt, tempDir } from './hardeningKit';
import { hardeningCase } from './hardeningCase';

const AREA = 'State never lost: the session file and concurrency';

const CORRUPT: Array<[label: string, content: string]> = [
  ['truncated JSON', '{"version":1,"sessions":{"default":{"cookies":{"cookies":[{"key":"a"'],
  ['an empty file', ''],
  ['binary garbage', '\u0000\u00ff\u0001PK\u0003\u0004garbage'],
  ['terminal escapes', '\u001b[2J\u001b]0;owned\u0007{"version":1'],
  ['a future version', '{"version":2,"sessions":{}}'],
  ['cookies that are not a list', '{"version":1,"sessions":{"default":{"cookies":{"cookies":"a=1"},"defaultHeaders":[],"namedResponses":{}}}}'],
  ['a named response of the wrong shape', '{"version":1,"sessions":{"default":{"cookies":{"cookies":[]},"defaultHeaders":[],"namedResponses":{"login":{"status":"ok"}}}}}'],
];

describe('hardening: the session is never lost', function () {
  let server: TestServer;
  let dir: string;
  before(async function () {
    this.timeout(60_000);
    await ensureCliBuilt();
    server = await startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      for (const cookie of url.searchParams.getAll('c')) res.appendHeader('Set-Cookie', cookie);
      res.end(`cookie=${req.headers.cookie ?? ''}`);
    });
    dir = tempDir('state');
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  hardeningCase(__filename, AREA, 'a crash between write and rename leaves the previous session file whole',
    'a child process saving a session is killed (SIGKILL) at the rename', async () => {
      const path = join(dir, 'crash.json');
      const store = new SessionStore();
      await store.get('default').storeSetCookie('before=1; Path=/', 'http://127.0.0.1/');
      await saveSessionFile(path, store);
      const previous = readFileSync(path, 'utf8');
      const child = await runNode(['--require', 'tsx/cjs', join(__dirname, 'crashDuringSave.ts'), path], { timeoutMs: 20_000 });
      assert.equal(child.code, null, `the child was meant to die: ${child.stdout}${child.stderr}`);
      assert.ok(readdirSync(dir).some((name) => name.startsWith('.crash.json.') && name.endsWith('.tmp')), 'the temp file was written');
      assert.equal(readFileSync(path, 'utf8'), previous, 'the previous file is unchanged');
      const loaded = await loadSessionFile(path);
      assert.deepEqual(loaded.warnings, []);
      assert.deepEqual(loaded.store.get('default').listCookies().map((c) => c.name), ['before']);
      return 'previous file byte-for-byte unchanged and loads without warning (cookie before=1); the half-saved state stayed in a temp file';
    });

  for (const [label, content] of CORRUPT) {
    hardeningCase(__filename, AREA, `a corrupt session file (${label}) is moved aside with a warning; a fresh session starts (engine and CLI)`,
      `session file = ${JSON.stringify(content).slice(0, 120)}`, async () => {
        const path = join(dir, `corrupt-${label.replace(/\W+/g, '-')}.json`);
        writeFileSync(path, content);
        const loaded = await loadSessionFile(path);
        assert.equal(loaded.warnings.length, 1);
        assert.match(loaded.warnings[0], /could not be read .* moved to .*\.corrupt-.* a fresh session started/);
        assert.doesNotMatch(loaded.warnings[0], /[\x00-\x08\x0b-\x1f\x7f]/, 'the warning carries no raw control characters from the file');
        assert.deepEqual(loaded.store.get('default').listCookies(), []);
        assert.equal(loaded.store.get('default').namedResponses.size, 0);
        const aside = readdirSync(dir).find((name) => name.startsWith(`${path.split('/').pop()}.corrupt-`));
        assert.ok(aside, 'moved aside');
        assert.equal(readFileSync(join(dir, aside), 'utf8'), content, 'the corrupt content is kept for the user');
        rmSync(join(dir, aside));

        writeFileSync(path, content);
        const run = await cliSend(dir, `GET ${server.url}/?c=fresh=1\n\n###\nGET ${server.url}/{{login.response.body}}\n`, ['--session', path]);
        assert.match(run.stderr, /^warning: The session file .* could not be read/m);
        assert.doesNotMatch(run.stderr, /[\x00-\x08\x0b-\x1f\x7f]/, 'stderr carries no raw control characters from the file');
        assert.ok(run.stderr.split('\n').every((line) => !line.startsWith('internal error')), run.stderr);
        assert.equal(run.code, 2, run.stderr);
        assert.match(oneErrorLine(run), /login/, 'a reference into the discarded session is a clear error');
        assert.match(readFileSync(path, 'utf8'), /"key": "fresh"/, 'the run went on and saved a fresh session');
        return `moved to NAME.corrupt-<time> with the warning "${loaded.warnings[0].replace(/^.*?could not be read/, 'could not be read')}"; CLI warned on stderr and ran on`;
      });
  }

  hardeningCase(__filename, AREA, '50 requests in flight at once on one session, each setting a cookie: none lost',
    '50 concurrent runRequest calls, request i sets c{i}=v{i}', async () => {
      const lines = Array.from({ length: 50 }, (_, i) => `GET ${server.url}/?c=c${i}%3Dv${i}`);
      const ctx = contextIn(dir, lines.join('\n\n###\n'));
      try {
        const results = await Promise.all(ctx.file.requests.map((_block, i) => runAt(ctx, i)));
        assert.ok(results.every((r) => r.exchange?.response?.status === 200));
        const names = ctx.sessions.get('default').listCookies().map((c) => c.name).sort();
        assert.equal(names.length, 50);
        const path = join(dir, 'fifty.json');
        await saveSessionFile(path, ctx.sessions);
        const reloaded = (await loadSessionFile(path)).store.get('default').listCookies();
        assert.equal(reloaded.length, 50);
        return '50 responses; 50 cookies in the jar and 50 after a save and reload';
      } finally {
        await ctx.sessions.close();
      }
    });

  hardeningCase(__filename, AREA, 'nothing of the session is written inside the workspace folder unless --session names it',
    'runFile and the CLI (cwd = workspace) with cookies, a named response and a session header; then --session ./s.json', async () => {
      const workspace = tempDir('workspace');
      try {
        const text = `# @session-header X-Team: blue\n###\n# @name first\nGET ${server.url}/?c=w%3D1\n`;
        const ctx = contextIn(workspace, text, { workspaceRoot: workspace });
        await runAt(ctx);
        await ctx.sessions.close();
        const run = await cliSend(workspace, text);
        assert.equal(run.code, 0, run.stderr);
        assert.deepEqual(readdirSync(workspace), ['requests.http'], 'only the request file');
        const named = await cliSend(workspace, text, ['--session', './s.json']);
        assert.equal(named.code, 0, named.stderr);
        assert.deepEqual(readdirSync(workspace).sort(), ['requests.http', 's.json'], 'only the named session file, no temp files left');
        assert.ok(existsSync(join(workspace, 's.json')));
        return 'workspace held only requests.http after the engine and CLI runs; with --session ./s.json exactly that file appeared';
      } finally {
        rmSync(workspace, { recursive: true, force: true });
      }
    });
});
