import type { Dispatcher } from 'undici';
import { Cookie, CookieJar } from 'tough-cookie';
import type { SerializedCookieJar } from 'tough-cookie';
import { HttpSessionError } from '../errors';
import { createDispatcher } from '../http/createDispatcher';
import type { DispatcherOptions } from '../http/createDispatcher';
import type { CookieView, HeaderList, RejectedCookie } from '../http/types';
import type { TlsProfile } from '../tls/tlsProfile';
import type { DigestState } from '../auth/digestAnswer';
import type { OAuthToken } from '../auth/oauth/oauthToken';
import { ChangeEmitter } from './changeEmitter';
import { mergeCookiePairs } from './cookiePairs';
import type { CookiePair } from './cookiePairs';
import { CookieLookup, CountingCookieStore } from './cookieLookup';
import { cookieFromView, cookieView } from './cookieView';
import { DefaultHeaders } from './defaultHeaders';
import { rejectionReason } from './rejectionReason';
import type { NamedResponse } from './types';
import { truncateNamedResponse } from './truncateNamedResponse';

/** Which of a session's pools a hop goes through (see Session.dispatcher). */
export interface PoolChoice {
  /** `# @insecure`: certificates not verified. */
  insecure?: boolean;
  /** Offer HTTP/2 by ALPN. */
  http2?: boolean;
  /** Client certificate and CAs; pools are kept per `tls.key`. */
  tls?: TlsProfile;
}

/** How a session makes its connection pools; tests pass an Agent with a custom DNS lookup. */
export type DispatcherFactory = (options: DispatcherOptions) => Dispatcher;

/** A session's saved state (one entry of the session file; see docs/session-file.md). */
export interface SessionJSON {
  cookies: SerializedCookieJar;
  defaultHeaders: HeaderList;
  namedResponses: Record<string, NamedResponse>;
  /** `client.global` values set by scripts; absent in files written before globals existed. */
  globals?: Record<string, string>;
  /** Digest nonces per origin (auth state); absent in files written before Digest auth existed. */
  digest?: Record<string, DigestState>;
  /** Default query parameters from `# @session-param`, in order; absent in older files. */
  params?: Array<[name: string, value: string]>;
  /** OAuth2 tokens by auth configuration name; absent in files written before OAuth2 existed. */
  oauth?: Record<string, OAuthToken>;
}

/** Jar options: localhost works, public suffixes rejected, strict parsing (no loose mode). */
const JAR_OPTIONS = { allowSpecialUseDomain: true, rejectPublicSuffixes: true, looseMode: false } as const;

/** The state between requests, like Python's requests.Session: cookie jar, default headers, named responses, pool. */
export class Session {
  private readonly cookieStore = new CountingCookieStore();
  readonly jar = new CookieJar(this.cookieStore, JAR_OPTIONS);
  private readonly cookieLookup = new CookieLookup(this.jar, this.cookieStore);
  /** Session default headers; session auth is the `Authorization` entry. */
  readonly defaultHeaders = new DefaultHeaders();
  readonly namedResponses = new Map<string, NamedResponse>();
  /** Script globals (`client.global.set`), usable as `{{name}}` by every request of every file in this session. */
  readonly globals = new Map<string, string>();
  /** Digest challenges answered, per origin: nonce, nonce count and the user they were answered for. */
  readonly digestStates = new Map<string, DigestState>();
  /** Default query parameters (`# @session-param`, like `s.params`); a request's own parameter of the same name wins. */
  readonly defaultParams = new Map<string, string>();
  /** OAuth2 tokens by auth configuration name (`{{$auth.token("NAME")}}`), reused until they expire. */
  readonly oauthTokens = new Map<string, OAuthToken>();
  private readonly changes = new ChangeEmitter<Session>();
  /** Client certificates this session's requests sent, by host (`host:port`), for the tree; not saved. */
  readonly certificatesInUse = new Map<string, string>();
  private readonly pools = new Map<string, Dispatcher>();

  /** Subscribes to changes of this session (cookies, headers, named responses, clear). */
  readonly onDidChange = this.changes.event;

  constructor(
    readonly name: string,
    private readonly dispatcherFactory: DispatcherFactory = createDispatcher,
  ) {}

  /**
   * The session's keep-alive pool for `choice`, created on first use: one per TLS configuration, so
   * `# @insecure` (or `true`), HTTP/2 and each client certificate / CA set get a pool of their own.
   */
  dispatcher(choice: boolean | PoolChoice = false): Dispatcher {
    const { insecure = false, http2 = false, tls } = typeof choice === 'boolean' ? { insecure: choice } : choice;
    const key = `${insecure ? 'insecure' : 'verify'}|${http2 ? 'h2' : 'h1'}|${tls?.key ?? ''}`;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = this.dispatcherFactory({ rejectUnauthorized: !insecure, ...(http2 ? { http2 } : {}), ...(tls ? { tls: tls.options } : {}) });
      this.pools.set(key, pool);
    }
    return pool;
  }

  /** Notes that requests to `host` send the client certificate from `source` (the tree lists them). */
  noteCertificateInUse(host: string, source: string): void {
    if (this.certificatesInUse.get(host) === source) return;
    this.certificatesInUse.set(host, source);
    this.notifyChanged();
  }

  /** How many pools are open (one per TLS configuration used). */
  get poolCount(): number {
    return this.pools.size;
  }

  /** True while a pool is open (for tests and the status bar). */
  get hasOpenPool(): boolean {
    return this.pools.size > 0;
  }

  /** Empties the jar, the default headers, the named responses, the globals, Digest nonces, default parameters and OAuth2 tokens, and closes the pools (like Session.close()). */
  async clear(): Promise<void> {
    await this.jar.removeAllCookies();
    this.defaultHeaders.clear();
    this.namedResponses.clear();
    this.globals.clear();
    this.digestStates.clear();
    this.defaultParams.clear();
    this.oauthTokens.clear();
    this.certificatesInUse.clear();
    await this.closePools();
    this.notifyChanged();
  }

  /** Closes the connection pools without touching the state; the next request opens a new one. */
  async closePools(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close().catch(() => undefined)));
  }

  /** Tells listeners the session changed (every mutation here calls it; sendWithSession when it stored cookies). */
  notifyChanged(): void {
    this.changes.fire(this);
  }

  /** Every unexpired cookie in the jar, for the tree. */
  listCookies(): CookieView[] {
    const cookies = this.jar.serializeSync()?.cookies ?? [];
    return cookies
      .map((json) => Cookie.fromJSON(json))
      .filter((cookie): cookie is Cookie => cookie !== undefined && cookie.TTL() > 0)
      .map(cookieView);
  }

  /** Adds or replaces a cookie from the tree; throws HttpSessionError with the jar's reason in plain words when refused. */
  async setCookie(view: CookieView): Promise<CookieView> {
    const url = `https://${view.domain.replace(/^\./, '')}${view.path || '/'}`;
    let stored: Cookie | undefined;
    try {
      stored = await this.jar.setCookie(cookieFromView(view), url);
    } catch (error) {
      throw new HttpSessionError('UNKNOWN', `The cookie ${view.name} was not stored: ${rejectionReason(error)}.`, undefined, error);
    }
    if (!stored) throw new HttpSessionError('UNKNOWN', `The cookie ${view.name} was not stored: the cookie rules for ${view.domain} ignored it.`);
    this.notifyChanged();
    return cookieView(stored);
  }

  /** Deletes one cookie. */
  async deleteCookie(domain: string, path: string, name: string): Promise<void> {
    await this.jar.store.removeCookie(domain, path, name);
    this.notifyChanged();
  }

  /** Deletes every cookie whose domain is `domain`. */
  async deleteDomain(domain: string): Promise<void> {
    await this.jar.store.removeCookies(domain, null);
    this.notifyChanged();
  }

  /** Sets a session default header (the last statement wins; `Authorization` is the session-auth slot); no change event when it already had that value. */
  setDefaultHeader(name: string, value: string): void {
    if (this.defaultHeaders.set(name, value)) this.notifyChanged();
  }

  /** Sets a default query parameter (`# @session-param`); the last statement for a name wins. */
  setDefaultParam(name: string, value: string): void {
    if (this.defaultParams.get(name) === value) return;
    this.defaultParams.set(name, value);
    this.notifyChanged();
  }

  /** Removes a default query parameter (from the tree). */
  deleteDefaultParam(name: string): void {
    if (this.defaultParams.delete(name)) this.notifyChanged();
  }

  /** Removes a session default header (any case). */
  deleteDefaultHeader(name: string): void {
    if (this.defaultHeaders.delete(name)) this.notifyChanged();
  }

  /** Keeps the response of `# @name NAME`, its body cut to 1 MB. */
  setNamedResponse(name: string, response: NamedResponse): void {
    this.namedResponses.set(name, truncateNamedResponse(response));
    this.notifyChanged();
  }

  /** Sets a script global (the tree's edit uses it too). */
  setGlobal(name: string, value: string): void {
    if (this.globals.get(name) === value) return;
    this.globals.set(name, value);
    this.notifyChanged();
  }

  /** Keeps (or, with undefined, drops) the OAuth2 token of an auth configuration. */
  setOAuthToken(name: string, token: OAuthToken | undefined): void {
    if (token) this.oauthTokens.set(name, token);
    else if (!this.oauthTokens.delete(name)) return;
    this.notifyChanged();
  }

  /** Deletes one script global. */
  deleteGlobal(name: string): void {
    if (this.globals.delete(name)) this.notifyChanged();
  }

  /** Deletes every script global. */
  clearGlobals(): void {
    if (this.globals.size === 0) return;
    this.globals.clear();
    this.notifyChanged();
  }

  /** Stores one Set-Cookie value received from `url`; a refusal is returned, never thrown. */
  async storeSetCookie(header: string, url: string): Promise<{ stored?: CookieView; rejected?: RejectedCookie }> {
    try {
      const cookie = await this.jar.setCookie(header, url);
      if (cookie) return { stored: cookieView(cookie) };
      return { rejected: { header, url, reason: 'the cookie rules ignored it (a __Secure- or __Host- prefix it does not meet)' } };
    } catch (error) {
      return { rejected: { header, url, reason: rejectionReason(error) } };
    }
  }

  /**
   * The Cookie pairs a request to `url` carries (session.md rule 4): the jar's for `url` (none when `useJar`
   * is false, `# @no-cookie-jar`) merged by name with the request's `own`, whose value wins in the jar's place.
   */
  async cookiePairsToSend(url: string, own: CookiePair[], useJar = true): Promise<CookiePair[]> {
    return mergeCookiePairs(useJar ? await this.cookiesFor(url) : [], own);
  }

  /** The jar's cookies for `url` in Cookie-header order. */
  async cookiesFor(url: string): Promise<Array<{ name: string; value: string }>> {
    const cookies = await this.cookieLookup.cookiesFor(url);
    return cookies.map((c) => ({ name: c.key, value: c.value }));
  }

  /** The saved form of this session. */
  toJSON(): SessionJSON {
    return {
      cookies: this.jar.serializeSync() as SerializedCookieJar,
      defaultHeaders: this.defaultHeaders.toList(),
      namedResponses: Object.fromEntries(this.namedResponses),
      globals: Object.fromEntries(this.globals),
      digest: Object.fromEntries(this.digestStates),
      params: [...this.defaultParams],
      oauth: Object.fromEntries(this.oauthTokens),
    };
  }

  /** Restores a session saved by toJSON; the jar keeps our options whatever the file says. Throws on a bad shape. */
  static fromJSON(name: string, json: SessionJSON, dispatcherFactory?: DispatcherFactory): Session {
    const session = new Session(name, dispatcherFactory);
    // Import into our own jar's store so the file cannot change the jar's options (loose mode, suffix checks).
    CookieJar.deserializeSync(json.cookies, session.jar.store);
    for (const [header, value] of json.defaultHeaders) session.defaultHeaders.set(header, value);
    for (const [key, response] of Object.entries(json.namedResponses)) session.namedResponses.set(key, response);
    for (const [key, value] of Object.entries(json.globals ?? {})) session.globals.set(key, value);
    for (const [origin, state] of Object.entries(json.digest ?? {})) session.digestStates.set(origin, { ...state });
    for (const [key, value] of json.params ?? []) session.defaultParams.set(key, value);
    for (const [name, token] of Object.entries(json.oauth ?? {})) session.oauthTokens.set(name, { ...token });
    return session;
  }
}
