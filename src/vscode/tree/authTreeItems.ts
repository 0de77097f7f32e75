import { describeAuthorization } from '../../core/auth/describeAuthorization';
import { maskToken } from '../../core/auth/oauth/oauthToken';
import type { Session } from '../../core/session/session';
import type { TreeRow } from './treeRow';

/** The row of the session's auth (its Authorization default): the scheme and user, the secret masked. */
export function sessionAuthRow(session: Session): TreeRow {
  const { scheme, user, maskedSecret } = describeAuthorization(session.defaultHeaders.get('authorization') ?? '');
  const secret = scheme === 'Bearer' ? 'token' : 'password';
  const digestNote = scheme === 'Digest' ? '; each server\'s challenge is answered once and its nonce kept (below)' : '';
  return {
    label: user ? `${scheme} · ${user}` : scheme, id: 'auth/session', icon: 'account',
    description: `${secret} ${maskedSecret}`,
    tooltip: `Session auth of ${session.name}: every request sends it unless it has its own Authorization header${digestNote}. `
      + 'Set by # @session-auth (or # @session-header Authorization); Clear Session drops it.',
  };
}

/**
 * The row of the Digest state kept for `origin`: user, algorithm, realm; never the nonce or password. The
 * nonce count is not shown: it goes up with every request without a change event, so it would be stale.
 */
export function digestRow(origin: string, session: Session): TreeRow {
  const state = session.digestStates.get(origin);
  return {
    label: `Digest · ${origin}`, id: `digest/${origin}`, icon: 'key',
    description: state ? `${state.username} · ${state.algorithm} · realm "${state.realm}"` : '',
    tooltip: state ? `A nonce for realm "${state.realm}"${state.qop ? ' (qop=auth)' : ''} is kept, so the next request to ${origin} answers without a 401; Clear Session forgets it.` : undefined,
  };
}

const GRANT_NAMES: Record<string, string> = {
  client_credentials: 'client credentials', password: 'password', authorization_code: 'authorization code', device_code: 'device',
};

/** The row of the OAuth2 token kept as `name` (`{{$auth.token("name")}}`): grant, expiry, the value masked; Copy copies it. */
export function oauthTokenRow(name: string, session: Session, now = Date.now()): TreeRow {
  const token = session.oauthTokens.get(name);
  if (!token) return { label: `OAuth2 · ${name}`, id: `oauth/${name}`, icon: 'key' };
  const expiry = token.expiresAt === undefined ? 'no expiry given'
    : token.expiresAt <= now ? 'expired' : `expires in ${untilText(token.expiresAt - now)}`;
  return {
    label: `OAuth2 · ${name}`, id: `oauth/${name}`, icon: token.expiresAt !== undefined && token.expiresAt <= now ? 'warning' : 'key',
    description: `${GRANT_NAMES[token.grant] ?? token.grant} · ${expiry} · ${maskToken(token.accessToken)}`,
    tooltip: [
      `{{$auth.token("${name}")}}: ${token.tokenType} token, ${GRANT_NAMES[token.grant] ?? token.grant} grant`,
      `Obtained ${new Date(token.obtainedAt).toLocaleString()}`,
      token.expiresAt === undefined ? 'The server gave no expiry' : `Expires ${new Date(token.expiresAt).toLocaleString()}`,
      token.refreshToken ? 'Refreshed with its refresh token shortly before it expires' : 'Fetched anew shortly before it expires (no refresh token)',
      token.idToken ? 'Has an id_token ({{$auth.idToken(…)}})' : '',
    ].filter(Boolean).join('\n'),
  };
}

function untilText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.max(1, Math.round(ms / 1000))} s`;
  return minutes < 120 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
}
