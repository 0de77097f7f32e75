import * as assert from 'node:assert/strict';
import { Agent } from 'undici';
import type { NamedResponse } from '../../../src/core/session/types';
import { Session } from '../../../src/core/session/session';
import { SessionStore } from '../../../src/core/session/sessionStore';

function named(body: string): NamedResponse {
  return { status: 200, headers: [], body, truncated: false, request: { method: 'GET', url: 'http://127.0.0.1/', headers: [] }, receivedAt: new Date(0).toISOString() };
}

describe('Session: what a session holds', () => {
  it('the jar accepts cookies from localhost and loopback addresses', async () => {
    const session = new Session('default');
    for (const url of ['http://localhost:8080/', 'http://127.0.0.1:8080/', 'http://[::1]:8080/']) {
      const { stored, rejected } = await session.storeSetCookie('id=1', url);
      assert.equal(rejected, undefined, url);
      assert.equal(stored?.name, 'id');
    }
    assert.equal(session.listCookies().length, 3);
  });

  it('the jar rejects a Set-Cookie for a public suffix with a plain reason', async () => {
    const session = new Session('default');
    const { rejected } = await session.storeSetCookie('x=1; Domain=com', 'http://shop.example.com/');
    assert.match(rejected?.reason ?? '', /public suffix/);
    assert.deepEqual(session.listCookies(), []);
  });

  it('the jar parses strictly (no loose mode): a value without a name is refused', async () => {
    const session = new Session('default');
    const { rejected } = await session.storeSetCookie('justavalue', 'http://localhost/');
    assert.equal(rejected?.reason, 'the Set-Cookie value could not be parsed');
  });

  it('the tree helpers add, list, delete a cookie and delete a domain', async () => {
    const session = new Session('default');
    await session.setCookie({ name: 'a', value: '1', domain: 'example.org', path: '/', secure: true, httpOnly: true, sameSite: 'lax', hostOnly: true });
    await session.setCookie({ name: 'b', value: '2', domain: 'example.org', path: '/x', secure: false, httpOnly: false, hostOnly: false, expires: '2999-01-01T00:00:00.000Z' });
    await session.setCookie({ name: 'c', value: '3', domain: 'other.org', path: '/', secure: false, httpOnly: false, hostOnly: true });
    const listed = session.listCookies().sort((x, y) => x.name.localeCompare(y.name));
    assert.deepEqual(listed.map((c) => [c.name, c.domain, c.path, c.hostOnly, c.secure, c.httpOnly, c.expires ?? 'session']), [
      ['a', 'example.org', '/', true, true, true, 'session'],
      ['b', 'example.org', '/x', false, false, false, '2999-01-01T00:00:00.000Z'],
      ['c', 'other.org', '/', true, false, false, 'session'],
    ]);
    await session.deleteCookie('example.org', '/', 'a');
    assert.deepEqual(session.listCookies().map((c) => c.name).sort(), ['b', 'c']);
    await session.deleteDomain('example.org');
    assert.deepEqual(session.listCookies().map((c) => c.name), ['c']);
  });

  it('adding a cookie from the tree for a public suffix is refused', async () => {
    const session = new Session('default');
    await assert.rejects(session.setCookie({ name: 'a', value: '1', domain: 'com', path: '/', secure: false, httpOnly: false, hostOnly: false }), /The cookie a was not stored: its Domain is a public suffix/);
  });

  it('default headers are case-insensitive and keep their order', () => {
    const session = new Session('default');
    session.setDefaultHeader('X-One', '1');
    session.setDefaultHeader('X-Two', '2');
    session.setDefaultHeader('x-one', 'again');
    assert.deepEqual(session.defaultHeaders.toList(), [['x-one', 'again'], ['X-Two', '2']]);
    session.deleteDefaultHeader('X-ONE');
    assert.deepEqual(session.defaultHeaders.toList(), [['X-Two', '2']]);
  });

  it('named response over 1 MB is kept truncated with truncated: true', () => {
    const session = new Session('default');
    session.setNamedResponse('big', named('é'.repeat(600_000)));
    session.setNamedResponse('small', named('{"ok":true}'));
    const big = session.namedResponses.get('big');
    assert.equal(big?.truncated, true);
    assert.ok(Buffer.byteLength(big?.body ?? '') <= 1024 * 1024);
    assert.ok(Buffer.byteLength(big?.body ?? '') > 1024 * 1024 - 2);
    assert.equal(big?.body.includes('\uFFFD'), false);
    assert.deepEqual(session.namedResponses.get('small'), named('{"ok":true}'));
  });

  it('the last response per name is kept', () => {
    const session = new Session('default');
    session.setNamedResponse('login', named('first'));
    session.setNamedResponse('login', named('second'));
    assert.equal(session.namedResponses.get('login')?.body, 'second');
  });

  it('clear() empties the jar, defaults and named responses, and closes the pool', async () => {
    const agents: Agent[] = [];
    const session = new Session('default', () => { const agent = new Agent(); agents.push(agent); return agent; });
    await session.storeSetCookie('sid=1', 'http://localhost/');
    session.setDefaultHeader('Authorization', 'Bearer t');
    session.setNamedResponse('login', named('x'));
    const pool = session.dispatcher();
    assert.equal(session.dispatcher(), pool, 'one pool per session');
    assert.notEqual(session.dispatcher(true), pool, 'a separate pool for @insecure');
    await session.clear();
    assert.deepEqual(session.listCookies(), []);
    assert.deepEqual(session.defaultHeaders.toList(), []);
    assert.equal(session.namedResponses.size, 0);
    assert.equal(agents.every((agent) => agent.closed), true);
    assert.equal(session.hasOpenPool, false);
    assert.notEqual(session.dispatcher(), pool, 'the next request opens a new pool');
    await session.closePools();
  });

  it('fires a change event after every change, and dispose stops it', async () => {
    const session = new Session('default');
    let events = 0;
    const sub = session.onDidChange(() => { events += 1; });
    session.setDefaultHeader('X', '1');
    session.setNamedResponse('n', named('x'));
    await session.setCookie({ name: 'a', value: '1', domain: 'localhost', path: '/', secure: false, httpOnly: false, hostOnly: true });
    await session.clear();
    assert.equal(events, 4);
    sub.dispose();
    session.setDefaultHeader('Y', '1');
    assert.equal(events, 4);
  });
});

describe('SessionStore: named sessions', () => {
  it('default always exists and get(name) creates on demand', () => {
    const store = new SessionStore();
    assert.deepEqual(store.names(), ['default']);
    assert.equal(store.get('alice'), store.get('alice'));
    assert.deepEqual(store.names(), ['default', 'alice']);
  });

  it('@session NAME has a separate jar, defaults and pool', async () => {
    const store = new SessionStore(() => new Agent());
    const alice = store.get('alice');
    const bob = store.get('bob');
    await alice.storeSetCookie('sid=alice', 'http://localhost/');
    alice.setDefaultHeader('X-User', 'alice');
    assert.deepEqual(await bob.cookiesFor('http://localhost/'), []);
    assert.deepEqual(bob.defaultHeaders.toList(), []);
    assert.notEqual(alice.dispatcher(), bob.dispatcher());
    await store.close();
  });

  it('clear(name) empties one session, clear() every session', async () => {
    const store = new SessionStore();
    store.get('default').setDefaultHeader('X', '1');
    store.get('other').setDefaultHeader('X', '2');
    await store.clear('other');
    assert.equal(store.get('default').defaultHeaders.get('x'), '1');
    assert.equal(store.get('other').defaultHeaders.get('x'), undefined);
    await store.clear();
    assert.equal(store.get('default').defaultHeaders.get('x'), undefined);
  });

  it('onDidChange reports the session that changed', () => {
    const store = new SessionStore();
    const seen: string[] = [];
    store.onDidChange((session) => seen.push(session.name));
    store.get('default').setDefaultHeader('X', '1');
    store.get('two').setDefaultHeader('X', '1');
    assert.deepEqual(seen, ['default', 'two', 'two']);
  });
});
