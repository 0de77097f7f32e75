import type { Session } from '../../core/session/session';
import type { TreeRow } from './treeRow';

/** The row of the Digest state kept for `origin` (user, algorithm, nonce count; never the nonce or password). */
export function digestRow(origin: string, session: Session): TreeRow {
  const state = session.digestStates.get(origin);
  return {
    label: `Digest · ${origin}`, id: `digest/${origin}`, icon: 'key',
    description: state ? `${state.username} · ${state.algorithm} · ${state.nc} ${state.nc === 1 ? 'request' : 'requests'} on this nonce` : '',
    tooltip: state ? `realm "${state.realm}"; the nonce is kept so the next request answers without a 401` : undefined,
  };
}
