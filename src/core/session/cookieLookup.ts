import { MemoryCookieStore, pathMatch } from 'tough-cookie';
import type { Cookie, CookieJar } from 'tough-cookie';

/** The store methods that change what it holds. */
const MUTATIONS = ['putCookie', 'updateCookie', 'removeCookie', 'removeCookies', 'removeAllCookies'] as const;

/** A memory cookie store that counts its changes, so a cache of its cookies knows when it went stale. */
export class CountingCookieStore extends MemoryCookieStore {
  /** Bumped by every put, update and removal (the jar's and any direct store call alike). */
  changes = 0;

  constructor() {
    super();
    // Wrapped rather than overridden: each method has a promise and a callback overload to keep as they are.
    const methods = this as unknown as Record<(typeof MUTATIONS)[number], (...args: unknown[]) => unknown>;
    for (const name of MUTATIONS) {
      const original = methods[name].bind(this);
      methods[name] = (...args) => {
        this.changes++;
        return original(...args);
      };
    }
  }
}

/** The cookies of one scheme and host, every path, as the jar sorted them; valid while the store has not changed. */
interface HostCookies {
  changes: number;
  cookies: Cookie[];
}

/**
 * The jar's cookies for a request URL, as `jar.getCookies(url)` gives them, without its per-request cost (public
 * suffix and domain permutations, about a tenth of a small request's CPU): the jar is asked once per scheme and
 * host for every path, and each request keeps those whose path matches (tough-cookie's own `pathMatch`) and that
 * have not expired. Any change of the store, or a cookie found expired, sends the next lookup back to the jar.
 * (Asking for every path marks the host's cookies of every path accessed, where the jar marks those sent: only
 * tough-cookie's Max-Age arithmetic reads that mark, and only a change of the jar makes the lookup ask again.)
 */
export class CookieLookup {
  private readonly hosts = new Map<string, HostCookies>();

  constructor(private readonly jar: CookieJar, private readonly store: CountingCookieStore) {}

  /** The cookies a request to `url` carries, in Cookie-header order (longest path first, then oldest). */
  async cookiesFor(url: string): Promise<Cookie[]> {
    const target = new URL(url);
    const key = `${target.protocol}//${target.hostname}`;
    let host = this.hosts.get(key);
    if (host === undefined || host.changes !== this.store.changes) {
      const cookies = await this.jar.getCookies(url, { allPaths: true, sort: true });
      host = { changes: this.store.changes, cookies };
      if (this.hosts.size > 256) this.hosts.clear();
      this.hosts.set(key, host);
    }
    const path = decodedPath(target.pathname);
    const now = Date.now();
    const sent: Cookie[] = [];
    for (const cookie of host.cookies) {
      if (typeof cookie.path === 'string' && !pathMatch(path, cookie.path)) continue;
      const expiry = cookie.expiryTime();
      // Expired since the jar was asked: the jar's own lookup drops it from the store (a change) and answers.
      if (expiry !== undefined && expiry <= now) return this.jar.getCookies(url);
      sent.push(cookie);
    }
    const accessed = new Date();
    for (const cookie of sent) cookie.lastAccessed = accessed;
    return sent;
  }
}

/** The request path as tough-cookie matches it: percent-decoded where that is valid, `/` when empty. */
function decodedPath(pathname: string): string {
  try {
    return decodeURI(pathname) || '/';
  } catch {
    return pathname || '/';
  }
}
