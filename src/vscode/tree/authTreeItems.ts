import { describeAuthorization } from '../../core/auth/describeAuthorization';
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
