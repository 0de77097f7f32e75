import type { SessionStore } from '../../core/session/sessionStore';
import type { DocumentCache } from '../documentCache';
import type { EnvironmentIndex } from './environmentIndex';
import type { NamedRequestIndex } from './namedRequestIndex';

/** What the language providers read: parses, the workspace session, environments and named requests. */
export interface LanguageServices {
  documents: DocumentCache;
  sessions: SessionStore;
  environments: EnvironmentIndex;
  requests: NamedRequestIndex;
}
