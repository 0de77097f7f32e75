import * as https from 'node:https';
import { guardHandler, listenTestServer, type TestHandler, type TestServer } from './startServer';
import { selfSignedCert, type KeyAndCert } from './selfSignedCert';

/** A TLS test server and the certificate it presents. */
export interface TlsTestServer extends TestServer {
  /** PEM certificate, to pass as a trusted CA when a test needs verification to succeed. */
  cert: string;
}

/** Options for startTlsServer. */
export interface StartTlsServerOptions {
  /** Loopback address to bind; default 127.0.0.1. */
  host?: string;
  /** Key and certificate to present; default a self-signed one for 127.0.0.1 and localhost. */
  keyAndCert?: KeyAndCert;
}

/**
 * Starts a node:https server with a self-signed certificate (made at test time) on 127.0.0.1, port 0.
 * Clients that verify certificates refuse it; `connections` counts completed TLS handshakes.
 */
export async function startTlsServer(handler: TestHandler, options: StartTlsServerOptions = {}): Promise<TlsTestServer> {
  const { key, cert } = options.keyAndCert ?? selfSignedCert();
  const server = https.createServer({ key, cert }, guardHandler(handler));
  const base = await listenTestServer(server, 'https', options.host ?? '127.0.0.1');
  return Object.assign(base, { cert });
}
