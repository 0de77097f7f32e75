import * as assert from 'node:assert/strict';
import { CookieJar } from 'tough-cookie';
import { CookieLookup, CountingCookieStore } from '../../../src/core/session/cookieLookup';

const JAR_OPTIONS = { allowSpecialUseDomain: true, rejectPublicSuffixes: true, looseMode: false } as const;

/** A jar on a counting store, a lookup over it, and the jar's own answer to compare with. */
function jarAndLookup(): { jar: CookieJar; lookup: CookieLookup; direct(url: string): Promise<string[]>; cached(url: string): Promise<string[]> } {
  const store = new CountingCookieStore();
  const jar = new CookieJar(store, JAR_OPTIONS);
  const lookup = new CookieLookup(jar, store);
  const names = (cookies: { key: string; value: string }[]): string[] => cookies.map((c) => `${c.key}=${c.value}`);
  return {
    jar,
    lookup,
    direct: async (url) => names(await jar.getCookies(url)),
    cached: async (url) => names(await lookup.cookiesFor(url)),
  };
}

const URLS = [
  'http://api.example.test/', 'http://api.example.test/api', 'http://api.example.test/api/', 'http://api.example.test/api/orders/1',
  'http://api.example.test/apiary', 'http://api.example.test/admin/x', 'https://api.example.test/api/orders/2', 'http://other.example.test/api',
  'http://www.api.example.test/api', 'http://127.0.0.1:8080/', 'http://127.0.0.1:9090/api/x?q=1#f', 'http://localhost/a/b/c',
];

describe('session.md rule 4: the cookie lookup answers from a per-host cache exactly what the jar answers', () => {
  it('the cookies for each path, in Cookie-header order, are the jar\'s own (Path, Domain, hostOnly, Secure)', async () => {
    const { jar, direct, cached } = jarAndLookup();
    const set = async (header: string, url: string): Promise<void> => { await jar.setCookie(header, url); };
    await set('sid=1; Path=/', 'http://api.example.test/login');
    await set('scoped=2; Path=/api', 'http://api.example.test/api/login');
    await set('deeper=3; Path=/api/orders', 'http://api.example.test/api/orders');
    await set('admin=4; Path=/admin', 'http://api.example.test/admin');
    await set('wide=5; Domain=example.test; Path=/', 'http://api.example.test/');
    await set('secure=6; Secure; Path=/', 'https://api.example.test/');
    await set('local=7', 'http://127.0.0.1:8080/');
    await set('loc=8; Path=/a/b', 'http://localhost/a/b/c');
    for (const round of [1, 2]) {
      for (const url of URLS) assert.deepEqual(await cached(url), await direct(url), `${url} (round ${round})`);
    }
    assert.deepEqual(await cached('http://api.example.test/api/orders/1'), ['deeper=3', 'scoped=2', 'sid=1', 'wide=5']);
  });

  it('a cookie stored after a lookup is sent by the next one (the cache never answers across a change of the jar)', async () => {
    const { jar, cached } = jarAndLookup();
    await jar.setCookie('a=1', 'http://api.example.test/');
    assert.deepEqual(await cached('http://api.example.test/x'), ['a=1']);
    await jar.setCookie('b=2', 'http://api.example.test/');
    await jar.setCookie('a=changed', 'http://api.example.test/');
    assert.deepEqual(await cached('http://api.example.test/y'), ['a=changed', 'b=2']);
  });

  it('a cookie removed, a domain removed or the jar emptied is no longer sent', async () => {
    const { jar, cached } = jarAndLookup();
    await jar.setCookie('a=1', 'http://api.example.test/');
    await jar.setCookie('b=2', 'http://api.example.test/');
    await jar.setCookie('c=3', 'http://other.example.test/');
    assert.deepEqual(await cached('http://api.example.test/'), ['a=1', 'b=2']);
    await jar.store.removeCookie('api.example.test', '/', 'a');
    assert.deepEqual(await cached('http://api.example.test/'), ['b=2']);
    await jar.store.removeCookies('api.example.test', null);
    assert.deepEqual(await cached('http://api.example.test/'), []);
    assert.deepEqual(await cached('http://other.example.test/'), ['c=3']);
    await jar.removeAllCookies();
    assert.deepEqual(await cached('http://other.example.test/'), []);
  });

  it('a cookie that expires between two lookups is not sent by the second, and leaves the jar', async () => {
    const { jar, cached, direct } = jarAndLookup();
    await jar.setCookie('short=1; Max-Age=1', 'http://api.example.test/');
    await jar.setCookie('long=2; Max-Age=3600', 'http://api.example.test/');
    assert.deepEqual(await cached('http://api.example.test/'), ['short=1', 'long=2']);
    const realNow = Date.now;
    Date.now = () => realNow() + 2000;
    try {
      assert.deepEqual(await cached('http://api.example.test/'), ['long=2']);
      assert.deepEqual(await direct('http://api.example.test/'), ['long=2']);
    } finally {
      Date.now = realNow;
    }
    assert.equal((await jar.serialize()).cookies.length, 1);
  });
});
