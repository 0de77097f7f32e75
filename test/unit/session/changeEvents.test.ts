import * as assert from 'node:assert/strict';
import { resendStoredRequest } from '../../../src/core/history/resendStoredRequest';
import type { HistoryEntry } from '../../../src/core/history/historyEntry';
import { DEFAULT_ENGINE_SETTINGS } from '../../../src/core/runner/types';
import type { RunContext } from '../../../src/core/runner/types';
import type { Session } from '../../../src/core/session/session';
import { SessionStore } from '../../../src/core/session/sessionStore';
import { startDigestServer } from '../../support/startDigestServer';
import { startServer } from '../../support/startServer';
import type { TestServer } from '../../support/startServer';
import { appHandler, contextFor, runAll, runNamed } from '../runner/runnerSupport';

/** Every change event the store fires, by session name, from now on. */
function recordChanges(store: SessionStore): string[] {
  const seen: string[] = [];
  store.onDidChange((session: Session) => seen.push(session.name));
  return seen;
}

describe('Session change events: at most one per request, none when nothing changed', () => {
  let server: TestServer;
  const contexts: RunContext[] = [];
  const ctxFor = (text: string): RunContext => {
    const ctx = contextFor(text);
    contexts.push(ctx);
    return ctx;
  };

  before(async () => { server = await startServer(appHandler); });
  afterEach(async () => { await Promise.all(contexts.splice(0).map((c) => c.sessions.close())); });
  after(async () => { await server.close(); });

  it('a request that changes nothing in the session fires no change event', async () => {
    const ctx = ctxFor(`GET ${server.url}/plain\n`);
    const seen = recordChanges(ctx.sessions);
    const result = await runNamed(ctx, 0);
    assert.equal(result.exchange?.response?.status, 200);
    assert.deepEqual(seen, []);
  });

  it('a request that stores cookies, keeps a named response and sets a session header fires exactly one event', async () => {
    const ctx = ctxFor([
      '# @name login', '# @session-header Authorization: Bearer {{login.response.body.$.token}}',
      `POST ${server.url}/login`, '',
    ].join('\n'));
    const seen = recordChanges(ctx.sessions);
    await runNamed(ctx, 0);
    assert.equal(ctx.sessions.get('default').listCookies().length, 1, 'the cookie was stored');
    assert.equal(ctx.sessions.get('default').defaultHeaders.get('authorization'), 'Bearer tok-1');
    assert.deepEqual(seen, ['default']);
  });

  it('a request whose response sets a cookie and whose handler sets a global fires exactly one event', async () => {
    const ctx = ctxFor(`POST ${server.url}/login\n\n> {% client.global.set("token", response.body.token); %}\n`);
    const seen = recordChanges(ctx.sessions);
    const result = await runNamed(ctx, 0);
    assert.equal(ctx.sessions.get('default').globals.get('token'), 'tok-1', result.error?.describe());
    assert.deepEqual(seen, ['default']);
  });

  it('a prologue header re-applied with the same value on every send is not a change', async () => {
    const ctx = ctxFor(`# @session-header X-Api: v1\n###\nGET ${server.url}/a\n###\nGET ${server.url}/b\n###\nGET ${server.url}/c\n`);
    const seen = recordChanges(ctx.sessions);
    await runAll(ctx);
    assert.deepEqual(seen, ['default'], 'only the first send set the header');
  });

  it('a request in a new # @session fires one event for that session (its creation and its cookies together)', async () => {
    const ctx = ctxFor(`# @session admin\nGET ${server.url}/x?c=a%3D1\n`);
    const seen = recordChanges(ctx.sessions);
    await runNamed(ctx, 0);
    assert.deepEqual(seen, ['admin']);
  });

  it('a request that fails before sending (an unresolved variable) fires no event', async () => {
    const ctx = ctxFor(`GET ${server.url}/{{missing}}\n`);
    const seen = recordChanges(ctx.sessions);
    const result = await runNamed(ctx, 0);
    assert.equal(result.error?.code, 'UNRESOLVED_VARIABLE');
    assert.deepEqual(seen, []);
  });

  it('a history re-send fires one event when it stored a cookie and none when it did not', async () => {
    const sessions = new SessionStore();
    const seen = recordChanges(sessions);
    const entry = (url: string): HistoryEntry => ({
      time: new Date(0).toISOString(), file: '/tmp/gone.http', line: 0, method: 'GET', url, durationMs: 1,
      request: { method: 'GET', url, headers: [] },
    });
    const ctx = { sessions, environment: {}, settings: { ...DEFAULT_ENGINE_SETTINGS, timeoutMs: 5_000 } };
    try {
      await resendStoredRequest(ctx, entry(`${server.url}/plain`));
      assert.deepEqual(seen, []);
      await resendStoredRequest(ctx, entry(`${server.url}/x?c=b%3D2`));
      assert.deepEqual(seen, ['default']);
    } finally {
      await sessions.close();
    }
  });

  it('Digest: a new nonce is one change; later requests answered on the kept nonce fire none', async () => {
    const digest = await startDigestServer({ username: 'mufasa', password: 'circle of life' });
    try {
      const ctx = ctxFor(`# @session-auth digest mufasa circle of life\n###\nGET ${digest.url}/a\n###\nGET ${digest.url}/b\n###\nGET ${digest.url}/c\n`);
      const seen = recordChanges(ctx.sessions);
      await runNamed(ctx, 0);
      assert.deepEqual(seen, ['default'], 'the session auth and the first nonce, in one event');
      await runNamed(ctx, 1);
      await runNamed(ctx, 2);
      assert.equal(digest.challenges, 1, 'the kept nonce answered both');
      assert.equal(ctx.sessions.get('default').digestStates.get(digest.origin)?.nc, 3, 'the nonce count is still kept');
      assert.deepEqual(seen, ['default'], 'no event for a nonce count going up');
      digest.expireNonces();
      await runNamed(ctx, 1);
      assert.equal(digest.challenges, 2);
      assert.deepEqual(seen, ['default', 'default'], 'a new nonce after stale=true is a change');
    } finally {
      await digest.close();
    }
  });

  it('Digest: a wrong password forgets the nonce, and that is a change', async () => {
    const digest = await startDigestServer({ username: 'mufasa', password: 'circle of life' });
    try {
      const ctx = ctxFor(`GET ${digest.url}/a\nAuthorization: Digest mufasa right\n`);
      const seen = recordChanges(ctx.sessions);
      const result = await runNamed(ctx, 0);
      assert.equal(result.exchange?.response?.status, 401);
      assert.equal(ctx.sessions.get('default').digestStates.size, 0);
      assert.deepEqual(seen, ['default'], 'kept then dropped within the request: one event');
    } finally {
      await digest.close();
    }
  });

  it('batch holds every change until the last overlapping batch ends, then fires once per changed session', async () => {
    const store = new SessionStore();
    const seen = recordChanges(store);
    let releaseInner!: () => void;
    const inner = store.batch(() => new Promise<void>((resolve) => { releaseInner = resolve; }));
    await store.batch(async () => {
      store.get('default').setDefaultHeader('A', '1');
      store.get('default').setDefaultHeader('B', '2');
      store.get('other').setDefaultHeader('C', '3');
    });
    assert.deepEqual(seen, [], 'held while the other batch still runs');
    releaseInner();
    await inner;
    assert.deepEqual(seen.sort(), ['default', 'other']);
  });

  it('outside a request every real change still fires at once (the tree\'s edits)', () => {
    const store = new SessionStore();
    const seen = recordChanges(store);
    store.get('default').setDefaultHeader('X', '1');
    store.get('default').setDefaultHeader('X', '1');
    store.get('default').setDefaultHeader('x', '1');
    store.get('default').deleteDefaultHeader('missing');
    assert.deepEqual(seen, ['default', 'default'], 'a new value and a new spelling are changes; a repeat and a no-op delete are not');
  });
});
