import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';

/** Options for a session's connection pool. */
export interface DispatcherOptions {
  /** Verify TLS certificates; false only for a request's explicit opt-out. */
  rejectUnauthorized: boolean;
}

/** Largest response header block accepted, in bytes (Node's default is 16 KiB; big cookie sets exceed it). */
export const MAX_RESPONSE_HEADER_BYTES = 64 * 1024;

const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY'];

/** True when any of HTTP_PROXY / HTTPS_PROXY / NO_PROXY is set (in upper or lower case) in `env`. */
export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return PROXY_VARIABLES.some((name) => Boolean(env[name] || env[name.toLowerCase()]));
}

/**
 * A keep-alive connection pool (undici Agent, one connection reused for sequential requests) honouring
 * HTTP_PROXY / HTTPS_PROXY / NO_PROXY as read from the environment when it is created.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const tls = { rejectUnauthorized: options.rejectUnauthorized };
  const agentOptions = {
    pipelining: 1,
    keepAliveTimeout: 4_000,
    // sendHop's own timer bounds the whole hop; undici's per-phase timeouts would cut `timeoutMs: 0` short.
    headersTimeout: 0,
    bodyTimeout: 0,
    maxHeaderSize: MAX_RESPONSE_HEADER_BYTES,
    connect: tls,
  };
  if (!proxyConfigured()) return new Agent(agentOptions);
  // Plain-http targets go to the proxy in absolute form (as curl and requests do); https ones tunnel with CONNECT.
  // NO_PROXY is fixed now too: undici would otherwise re-read it from the environment on every request.
  return new EnvHttpProxyAgent({
    ...agentOptions,
    requestTls: tls,
    proxyTunnel: false,
    noProxy: process.env.no_proxy ?? process.env.NO_PROXY ?? '',
  });
}

/** Closes a pool gracefully: waits for requests in flight, then ends its connections. */
export async function closeDispatcher(dispatcher: Dispatcher): Promise<void> {
  await dispatcher.close();
}
