import type { Dispatcher } from 'undici';
import { observedConnector, recordConnectionFacts } from './connectionFacts';
import type { ClientTlsOptions } from './types';
import { Agent, EnvHttpProxyAgent } from './undiciParts';

/** Options for a session's connection pool. */
export interface DispatcherOptions {
  /** Verify TLS certificates; false only for a request's explicit opt-out. */
  rejectUnauthorized: boolean;
  /** Offer HTTP/2 by ALPN on https connections (the server may still choose HTTP/1.1). Default false. */
  http2?: boolean;
  /** A client certificate and extra CAs for this pool's TLS connections. */
  tls?: ClientTlsOptions;
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
 * HTTP_PROXY / HTTPS_PROXY / NO_PROXY as read from the environment when it is created. Without a proxy its
 * connections record what their TLS handshakes negotiated (connectionFactsOf).
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const tls = { rejectUnauthorized: options.rejectUnauthorized, ...options.tls };
  const agentOptions = {
    pipelining: 1,
    keepAliveTimeout: 4_000,
    // sendHop's own timer bounds the whole hop; undici's per-phase timeouts would cut `timeoutMs: 0` short.
    headersTimeout: 0,
    bodyTimeout: 0,
    maxHeaderSize: MAX_RESPONSE_HEADER_BYTES,
  };
  if (!proxyConfigured()) {
    const http2 = options.http2 === true;
    const { connect, facts } = observedConnector({ ...tls, allowH2: http2 });
    const agent = new Agent({ ...agentOptions, allowH2: http2, connect });
    recordConnectionFacts(agent, facts);
    return agent;
  }
  // Plain-http targets go to the proxy in absolute form (as curl and requests do); https ones tunnel with CONNECT.
  // NO_PROXY is fixed now too: undici would otherwise re-read it from the environment on every request.
  // HTTP/2 is not offered through a proxy: the tunnelled handshake's ALPN result cannot be read back.
  return new EnvHttpProxyAgent({
    ...agentOptions,
    connect: tls,
    requestTls: tls,
    proxyTunnel: false,
    noProxy: process.env.no_proxy ?? process.env.NO_PROXY ?? '',
  });
}

/** Closes a pool gracefully: waits for requests in flight, then ends its connections. */
export async function closeDispatcher(dispatcher: Dispatcher): Promise<void> {
  await dispatcher.close();
}
