import type { Dispatcher } from 'undici';

/** Options for a session's connection pool. */
export interface DispatcherOptions {
  /** Verify TLS certificates; false only for a request's explicit opt-out. */
  rejectUnauthorized: boolean;
}

/** A keep-alive connection pool (undici Agent) honouring HTTP_PROXY / HTTPS_PROXY / NO_PROXY. */
export function createDispatcher(_options: DispatcherOptions): Dispatcher {
  throw new Error('createDispatcher: not implemented yet (transport helper)');
}
