import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSessionFile, saveSessionFile } from '../../../src/core/session/sessionFile';
import { SessionStore } from '../../../src/core/session/sessionStore';

describe('session file: survives restarts, written atomically, corrupt file moved aside', () => {
  let dir = '';
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'session-file-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  async function filledStore(): Promise<SessionStore> {
    const store = new SessionStore();
    const session = store.get('default');
    await session.storeSetCookie('sid=abc; Path=/; HttpOnly', 'http://localhost:3000/login');
    await session.storeSetCookie('pref=dark; Max-Age=3600; Domain=example.org; Secure; SameSite=Lax', 'https://www.example.org/');
    session.setDefaultHeader('X-Client', 'cli');
    session.setDefaultHeader('Authorization', 'Bearer t0k3n');
    session.setNamedResponse('login', {
      status: 200, headers: [['Content-Type', 'application/json']], body: '{"token":"t0k3n"}', truncated: false,
      request: { method: 'POST', url: 'http://localhost:3000/login', headers: [['Content-Type', 'application/json']], body: '{}' },
      receivedAt: '2025-01-01T00:00:00.000Z',
    });
    store.get('admin').setDefaultHeader('X-Role', 'admin');
    return store;
  }

  it('serialization round trip keeps cookies, default headers, named responses and every named session', async () => {
    const path = join(dir, 'session.json');
    const original = await filledStore();
    await saveSessionFile(path, original);
    const { store, warnings } = await loadSessionFile(path);
    assert.deepEqual(warnings, []);
    assert.deepEqual(store.names(), ['default', 'admin']);
    assert.deepEqual(store.toJSON(), original.toJSON());
    const loaded = store.get('default');
    assert.deepEqual(await loaded.cookiesFor('http://localhost:3000/x'), [{ name: 'sid', value: 'abc' }]);
    assert.deepEqual(await loaded.cookiesFor('https://api.example.org/'), [{ name: 'pref', value: 'dark' }]);
    assert.deepEqual(loaded.defaultHeaders.toList(), [['X-Client', 'cli'], ['Authorization', 'Bearer t0k3n']]);
    assert.equal(loaded.namedResponses.get('login')?.body, '{"token":"t0k3n"}');
  });

  it('the file has the documented shape { version: 1, sessions: { name: { cookies, defaultHeaders, namedResponses, globals, digest, params, oauth } } }', async () => {
    const path = join(dir, 'session.json');
    await saveSessionFile(path, await filledStore());
    const json = JSON.parse(await readFile(path, 'utf8'));
    assert.equal(json.version, 1);
    assert.deepEqual(Object.keys(json.sessions), ['default', 'admin']);
    assert.deepEqual(Object.keys(json.sessions.default).sort(), ['cookies', 'defaultHeaders', 'digest', 'globals', 'namedResponses', 'oauth', 'params']);
    assert.ok(Array.isArray(json.sessions.default.cookies.cookies));
    assert.deepEqual(json.sessions.default.defaultHeaders[0], ['X-Client', 'cli']);
  });

  it('a saved file cannot switch the jar to loose mode or off public-suffix checks', async () => {
    const path = join(dir, 'session.json');
    const json = (await filledStore()).toJSON();
    Object.assign(json.sessions.default.cookies, { enableLooseMode: true, rejectPublicSuffixes: false });
    await writeFile(path, JSON.stringify(json));
    const session = (await loadSessionFile(path)).store.get('default');
    assert.ok((await session.storeSetCookie('x=1; Domain=com', 'http://a.example.com/')).rejected);
    assert.ok((await session.storeSetCookie('noequals', 'http://localhost/')).rejected);
  });

  it('a missing file gives an empty store without warnings', async () => {
    const { store, warnings } = await loadSessionFile(join(dir, 'nope.json'));
    assert.deepEqual(warnings, []);
    assert.deepEqual(store.names(), ['default']);
    assert.deepEqual(store.get('default').listCookies(), []);
  });

  it('atomic write: a leftover temp file never replaces the good file', async () => {
    const path = join(dir, 'session.json');
    await saveSessionFile(path, await filledStore());
    const good = await readFile(path, 'utf8');
    // A crash between writing the temp file and the rename leaves a half-written temp file behind.
    await writeFile(join(dir, '.session.json.999.deadbeef.tmp'), '{"version":1,"sess');
    const { store, warnings } = await loadSessionFile(path);
    assert.deepEqual(warnings, []);
    assert.equal(await readFile(path, 'utf8'), good);
    assert.equal(store.get('default').defaultHeaders.get('x-client'), 'cli');
  });

  it('the next save removes temp files of processes that died mid-save, and keeps those of live ones', async () => {
    const path = join(dir, 'session.json');
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid;
    const dead = `.session.json.${deadPid}.0badf00d.tmp`;
    const live = `.session.json.${process.ppid}.0c0ffee0.tmp`;
    await writeFile(join(dir, dead), '{"version":1,"sess');
    await writeFile(join(dir, live), '{"version":1,"sess');
    await saveSessionFile(path, await filledStore());
    const left = await readdir(dir);
    assert.ok(!left.includes(dead), `stale temp still there: ${left.join(', ')}`);
    assert.ok(left.includes(live), 'a live process\'s temp was removed');
  });

  it('atomic write: saving leaves no temp file and replaces the old content whole', async () => {
    const path = join(dir, 'session.json');
    await saveSessionFile(path, await filledStore());
    await saveSessionFile(path, new SessionStore());
    assert.deepEqual(await readdir(dir), ['session.json']);
    assert.deepEqual((await loadSessionFile(path)).store.names(), ['default']);
  });

  for (const [label, content] of [
    ['bad JSON', '{"version":1,"sessions":{'],
    ['a wrong version', '{"version":2,"sessions":{}}'],
    ['a bad session shape', '{"version":1,"sessions":{"default":{"cookies":[],"defaultHeaders":"x","namedResponses":{}}}}'],
  ] as const) {
    it(`corrupt file (${label}) is moved aside as NAME.corrupt-<timestamp> with a warning, never a crash`, async () => {
      const path = join(dir, 'session.json');
      await writeFile(path, content);
      const { store, warnings } = await loadSessionFile(path);
      assert.deepEqual(store.names(), ['default']);
      assert.equal(warnings.length, 1);
      const files = await readdir(dir);
      const aside = files.find((f) => /^session\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/.test(f));
      assert.ok(aside, files.join(', '));
      assert.ok(!files.includes('session.json'));
      assert.equal(await readFile(join(dir, aside), 'utf8'), content);
      assert.match(warnings[0], new RegExp(`moved to .*${aside.replace(/\./g, '\\.')}`));
    });
  }
});
