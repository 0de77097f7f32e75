import { getAll, removeHeader, setHeader } from '../http/headerList';
import type { Exchange, OutgoingRequest } from '../http/types';
import type { SendWrapper } from '../runner/pipelineTypes';
import { combineExchanges } from '../session/combineExchanges';
import type { Session } from '../session/session';
import { parseChallenges } from './authParams';
import type { AuthChallenge } from './authParams';
import { digestAnswer, digestStateFrom } from './digestAnswer';
import type { DigestCredentials, DigestState } from './digestAnswer';
import { digestCredentials } from './digestCredentials';

/**
 * Digest auth (RFC 7616) around the send, for `Authorization: Digest USER PASS` (the request's own or the
 * session's from `# @session-auth digest`). The raw credentials never go on the wire: the first request to
 * an origin goes without Authorization and its 401 challenge is answered once; the nonce is kept in the
 * session, so later requests there answer at once with the next nonce count; a `stale=true` 401 is retried
 * once with the new nonce.
 */
export const digestWrapper: SendWrapper = {
  name: 'digest',
  wrap: (next) => async (request, prepared) => {
    const credentials = digestCredentials(request.headers);
    if (!credentials) return next(request, prepared);
    const session = prepared.session;
    const origin = new URL(request.url).origin;
    const bare: OutgoingRequest = { ...request, headers: removeHeader(request.headers, 'authorization') };
    const kept = session.digestStates.get(origin);
    const usable = kept?.username === credentials.username ? kept : undefined;
    let exchange = await next(usable ? answered(bare, usable, credentials) : bare, prepared);
    let answers = 0;
    let staleRetried = false;
    for (let challenge = digestChallenge(exchange); challenge; challenge = digestChallenge(exchange)) {
      const stale = challenge.params.stale?.toLowerCase() === 'true';
      if (answers > 0 && (!stale || staleRetried)) break;
      if (answers > 0) staleRetried = true;
      answers += 1;
      let state: DigestState;
      try {
        state = digestStateFrom(challenge, credentials.username);
      } catch (error) {
        prepared.report.warnings.push((error as Error).message);
        return exchange;
      }
      keep(session, origin, state);
      exchange = combineExchanges(exchange, await next(answered(bare, state, credentials), prepared));
    }
    if (exchange.response?.status === 401 && answers > 0 && session.digestStates.delete(origin)) session.notifyChanged();
    return exchange;
  },
};

/**
 * The request with its Digest answer. The nonce count goes up in the kept state, but that alone is no change
 * event (no tree refresh, no session-file write per request): it is saved with the next change or the CLI's
 * save at the end of a run, and a count saved behind costs at most one fresh challenge.
 */
function answered(request: OutgoingRequest, state: DigestState, credentials: DigestCredentials): OutgoingRequest {
  const url = new URL(request.url);
  const value = digestAnswer(state, credentials, request.method, `${url.pathname}${url.search}`);
  return { ...request, headers: setHeader(request.headers, 'Authorization', value) };
}

/** Keeps a new nonce for `origin`: a change of the session. */
function keep(session: Session, origin: string, state: DigestState): void {
  session.digestStates.set(origin, state);
  session.notifyChanged();
}

/** The Digest challenge of a 401 response, if it carries one. */
function digestChallenge(exchange: Exchange): AuthChallenge | undefined {
  const response = exchange.response;
  if (response?.status !== 401) return undefined;
  return parseChallenges(getAll(response.headers, 'www-authenticate')).find((c) => c.scheme === 'digest');
}
