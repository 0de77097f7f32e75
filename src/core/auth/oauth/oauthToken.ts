/** An OAuth2 token kept in the session (saved with it), by auth configuration name. */
export interface OAuthToken {
  /** The auth configuration's name (`$auth.token("NAME")`). */
  name: string;
  grant: string;
  accessToken: string;
  tokenType: string;
  idToken?: string;
  refreshToken?: string;
  /** Epoch ms when the access token expires; absent when the server gave no `expires_in`. */
  expiresAt?: number;
  /** Epoch ms when it was obtained. */
  obtainedAt: number;
  /** configKey of the configuration it was fetched for. */
  configKey: string;
}

/** A token is renewed this long before it expires, so it does not run out on the way. */
export const RENEW_BEFORE_MS = 30_000;

/** True while `token` can still be sent at `now` (no expiry known: until the server refuses it). */
export function isFresh(token: OAuthToken, now: number): boolean {
  return token.expiresAt === undefined || token.expiresAt - RENEW_BEFORE_MS > now;
}

/** True when `value` has the shape of a saved OAuthToken (session files are checked on load). */
export function isOAuthToken(value: unknown): value is OAuthToken {
  const t = value as Partial<OAuthToken> | null;
  return !!t && typeof t === 'object' && typeof t.name === 'string' && typeof t.grant === 'string'
    && typeof t.accessToken === 'string' && typeof t.tokenType === 'string' && typeof t.obtainedAt === 'number'
    && typeof t.configKey === 'string'
    && (t.expiresAt === undefined || typeof t.expiresAt === 'number')
    && (t.idToken === undefined || typeof t.idToken === 'string')
    && (t.refreshToken === undefined || typeof t.refreshToken === 'string');
}

/** The token as people see it in the tree and `session show`: the value masked to its last 4 characters. */
export function maskToken(value: string): string {
  return value.length <= 8 ? '••••••' : `••••••${value.slice(-4)}`;
}
