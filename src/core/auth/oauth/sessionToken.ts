import type { Session } from '../../session/session';
import { configKey, type OAuthConfig } from './oauthConfig';
import { isFresh, type OAuthToken } from './oauthToken';
import { authorizationCodeToken } from './authorizationCodeGrant';
import { deviceToken } from './deviceGrant';
import { requestToken, type TokenCallOptions } from './tokenRequest';

// Requests run side by side ask once: the second waits for the first's fetch.
const inFlight = new WeakMap<Session, Map<string, Promise<OAuthToken>>>();

/**
 * The session's token for `config`, like requests-oauthlib's OAuth2Session: the kept one while it is fresh
 * (more than RENEW_BEFORE_MS before expiry) and was fetched for this configuration; else refreshed with its
 * refresh token, else (or when the refresh is refused) fetched anew. A new token is kept in the session.
 */
export async function sessionToken(session: Session, config: OAuthConfig, options: TokenCallOptions): Promise<OAuthToken> {
  const now = (options.now ?? Date.now)();
  const kept = session.oauthTokens.get(config.name);
  const sameConfig = kept?.configKey === configKey(config);
  if (kept && sameConfig && isFresh(kept, now)) return kept;
  let pending = inFlight.get(session);
  if (!pending) inFlight.set(session, (pending = new Map()));
  const running = pending.get(config.name);
  if (running) return running;
  const fetching = renew(session, config, options, sameConfig ? kept?.refreshToken : undefined);
  pending.set(config.name, fetching);
  try {
    const token = await fetching;
    session.setOAuthToken(config.name, token);
    return token;
  } finally {
    pending.delete(config.name);
  }
}

async function renew(session: Session, config: OAuthConfig, options: TokenCallOptions, refreshToken?: string): Promise<OAuthToken> {
  if (refreshToken !== undefined) {
    try {
      return await requestToken(session, config, options, refreshToken);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      // An expired or revoked refresh token: the grant itself still works.
    }
  }
  return grantToken(session, config, options);
}

/** A new token by the configuration's own grant (no refresh). */
function grantToken(session: Session, config: OAuthConfig, options: TokenCallOptions): Promise<OAuthToken> {
  if (config.grant === 'authorization_code') return authorizationCodeToken(session, config, options);
  if (config.grant === 'device_code') return deviceToken(session, config, options);
  return requestToken(session, config, options);
}
