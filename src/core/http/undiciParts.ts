import type { Dispatcher } from 'undici';
import Agent from 'undici/lib/dispatcher/agent';
import buildConnector from 'undici/lib/core/connect';
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent';
import dispatcherRequest from 'undici/lib/api/api-request';

// The parts of undici the engine uses, loaded without undici's index: the index also loads fetch, WebSocket,
// EventSource, caches and mocks (and Node's own copy of undici for its web globals), ~30 ms of every CLI start.
// These paths are undici's own CommonJS files (no "exports" map restricts them); the version is pinned.
export { Agent, buildConnector, EnvHttpProxyAgent };

/** undici's `request()`: sends `options` (origin, path, method, headers, body, signal) over `dispatcher`. */
export function undiciRequest(dispatcher: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> {
  return dispatcherRequest.call(dispatcher, options);
}
