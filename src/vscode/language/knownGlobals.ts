import type { SessionStore } from '../../core/session/sessionStore';
import type { GlobalDefinition, ScriptGlobalIndex } from './scriptGlobalIndex';

/** A global as the editor knows it: its value in the session (if set there) and where scripts set it. */
export interface KnownGlobal {
  name: string;
  /** Its value in the request's session, when the session holds it. */
  value?: string;
  definitions: GlobalDefinition[];
}

/** Every global of every session (names only): a request of another session may still set it first. */
function sessionGlobalNames(sessions: SessionStore): Set<string> {
  const names = new Set<string>();
  for (const session of sessions.names()) for (const name of sessions.get(session).globals.keys()) names.add(name);
  return names;
}

/** Names of all globals: those the sessions hold and those the workspace's scripts set. */
export async function knownGlobalNames(sessions: SessionStore, index: ScriptGlobalIndex): Promise<Set<string>> {
  const names = sessionGlobalNames(sessions);
  for (const name of (await index.definitions()).keys()) names.add(name);
  return names;
}

/** Every known global with its value in session `sessionName` (when held) and where scripts set it. */
export async function knownGlobals(sessions: SessionStore, index: ScriptGlobalIndex, sessionName: string): Promise<Map<string, KnownGlobal>> {
  const definitions = await index.definitions();
  const held = sessions.names().includes(sessionName) ? sessions.get(sessionName).globals : new Map<string, string>();
  const all = new Map<string, KnownGlobal>();
  for (const name of new Set([...held.keys(), ...definitions.keys()])) {
    const value = held.get(name);
    all.set(name, { name, ...(value !== undefined ? { value } : {}), definitions: definitions.get(name) ?? [] });
  }
  return all;
}
