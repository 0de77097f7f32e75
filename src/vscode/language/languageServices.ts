import type { SessionStore } from '../../core/session/sessionStore';
import type { DocumentCache } from '../documentCache';
import type { EnvironmentIndex } from './environmentIndex';
import type { NamedRequestIndex } from './namedRequestIndex';
import type { ScriptGlobalIndex } from './scriptGlobalIndex';

/** What the language providers read: parses, the workspace session, environments, named requests and script globals. */
export interface LanguageServices {
  documents: DocumentCache;
  sessions: SessionStore;
  environments: EnvironmentIndex;
  requests: NamedRequestIndex;
  /** Globals the workspace's scripts set (`client.global.set`). */
  globals: ScriptGlobalIndex;
}
