import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { Dispatcher } from 'undici';
import { buildConnector } from './undiciParts';

/**
 * What the TLS handshakes of one pool told us: the protocol each origin's server chose by ALPN, and the
 * TLS alerts that arrived on a connection after the handshake (TLS 1.3 sends `certificate_required` then,
 * which undici alone reports as "other side closed").
 */
export interface ConnectionFacts {
  /** The ALPN protocol ('h2', 'http/1.1') of the last connection made to `origin`; undefined before one, or without TLS. */
  protocolOf(origin: string): string | undefined;
  /** The error code of a TLS alert received on the connection from local port `localPort`, if one came. */
  alertOn(localPort: number | undefined): string | undefined;
}

const factsByDispatcher = new WeakMap<Dispatcher, ConnectionFacts>();

/** The facts recorded for a pool made by createDispatcher (undefined for a pool made elsewhere, e.g. in tests). */
export function connectionFactsOf(dispatcher: Dispatcher): ConnectionFacts | undefined {
  return factsByDispatcher.get(dispatcher);
}

/** Remembers `facts` as those of `dispatcher`. */
export function recordConnectionFacts(dispatcher: Dispatcher, facts: ConnectionFacts): void {
  factsByDispatcher.set(dispatcher, facts);
}

/** At most this many alerts are kept per pool (a pool that keeps failing must not grow without end). */
const MAX_ALERTS = 64;

/**
 * undici's own connector for `options`, wrapped so that each connection's ALPN result and any TLS alert
 * are recorded in the returned facts.
 */
export function observedConnector(options: buildConnector.BuildOptions): { connect: buildConnector.connector; facts: ConnectionFacts } {
  const base = buildConnector(options);
  const protocols = new Map<string, string>();
  const alerts = new Map<number, string>();
  const connect: buildConnector.connector = (opts, callback) => base(opts, (error, socket) => {
    if (socket && !error) {
      // `host` is the URL's host (brackets and a non-default port kept), so this is the URL's origin.
      const origin = `${opts.protocol}//${opts.host ?? opts.hostname}`;
      const alpn = (socket as TLSSocket).alpnProtocol;
      if (typeof alpn === 'string') protocols.set(origin, alpn);
      watchAlerts(socket as Socket, alerts);
    }
    // undici's connector callback is typed as a union of two shapes; forwarding both arguments is what it expects.
    (callback as (e: Error | null, s: Socket | null) => void)(error, socket);
  });
  return {
    connect,
    facts: {
      protocolOf: (origin) => protocols.get(origin),
      alertOn: (port) => (port === undefined ? undefined : alerts.get(port)),
    },
  };
}

function watchAlerts(socket: Socket, alerts: Map<number, string>): void {
  const port = socket.localPort;
  if (port === undefined) return;
  alerts.delete(port);
  socket.on('error', (error: NodeJS.ErrnoException) => {
    if (typeof error.code !== 'string' || !error.code.startsWith('ERR_SSL_')) return;
    if (alerts.size >= MAX_ALERTS) alerts.delete(alerts.keys().next().value as number);
    alerts.set(port, error.code);
  });
}
