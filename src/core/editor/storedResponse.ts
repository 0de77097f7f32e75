import type { SessionStore } from '../session/sessionStore';
import type { NamedResponse } from '../session/types';

/** A stored response of a named request and the session that holds it. */
export interface StoredResponse {
  response: NamedResponse;
  session: string;
}

/**
 * The response stored for request `name`: from `sessionName` (the session the request at hand runs in) when
 * it has one, else from the first other session that does. Never creates a session.
 */
export function storedResponse(sessions: SessionStore, sessionName: string, name: string): StoredResponse | undefined {
  const names = sessions.names();
  const order = names.includes(sessionName) ? [sessionName, ...names.filter((n) => n !== sessionName)] : names;
  for (const session of order) {
    const response = sessions.get(session).namedResponses.get(name);
    if (response) return { response, session };
  }
  return undefined;
}
