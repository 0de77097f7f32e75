// Imports nothing: the CLI, the session tree and the response view all describe cookies with it.

/** The attributes of a cookie that its text shows (a CookieView has them all). */
export interface CookieAttributes {
  /** ISO date; undefined for a session cookie. */
  expires?: string | undefined;
  secure?: boolean | undefined;
  httpOnly?: boolean | undefined;
  /** As the server set it (`strict`, `lax`, `none`); undefined when it set none. */
  sameSite?: string | undefined;
  hostOnly?: boolean | undefined;
}

/** A cookie's flags in words, in one order: `Secure`, `HttpOnly`, `SameSite=…` (as the server set it), `host-only`. */
export function cookieFlags(cookie: CookieAttributes): string[] {
  return [
    cookie.secure ? 'Secure' : '',
    cookie.httpOnly ? 'HttpOnly' : '',
    cookie.sameSite ? `SameSite=${cookie.sameSite}` : '',
    cookie.hostOnly ? 'host-only' : '',
  ].filter(Boolean);
}

/** When a cookie ends, in words: `session`, or `expires 2026-12-02 13:00 UTC` (minutes; an unreadable date as given). */
export function cookieExpiry(cookie: Pick<CookieAttributes, 'expires'>): string {
  if (!cookie.expires) return 'session';
  const match = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?Z$/.exec(cookie.expires);
  return `expires ${match ? `${match[1]} ${match[2]} UTC` : cookie.expires}`;
}
