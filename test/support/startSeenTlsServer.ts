import type { IncomingMessage, ServerResponse } from 'node:http';
import * as http2 from 'node:http2';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { TestPki } from './testPki';

/** A TLS test server on 127.0.0.1 and what it saw. */
export interface SeenTlsServer {
  url: string;
  /** Per request: the HTTP version it came in (`2.0`, `1.1`) and the client certificate's CN ('' when none). */
  readonly requests: Array<{ httpVersion: string; clientCN: string; path: string }>;
  /** TLS connections (secure handshakes) accepted. */
  readonly connections: number;
  close(): Promise<void>;
}

/** Options of startSeenTlsServer. */
export interface SeenTlsOptions {
  /** `http2`: node:http2 secure server with allowHTTP1 (offers h2 and http/1.1 by ALPN); `https`: node:https (HTTP/1.1 only). */
  kind: 'http2' | 'https';
  /** Require a client certificate issued by the PKI's CA (`requestCert`, `rejectUnauthorized`). */
  requireClientCert?: boolean;
  /** Highest TLS version the server speaks (TLS 1.3 sends certificate_required after the handshake; 1.2 fails the handshake). */
  maxVersion?: 'TLSv1.2' | 'TLSv1.3';
}

/** Starts a TLS server presenting the PKI's server certificate; it answers every request `ok HTTP/<version>`. */
export async function startSeenTlsServer(pki: TestPki, options: SeenTlsOptions): Promise<SeenTlsServer> {
  const requests: SeenTlsServer['requests'] = [];
  let connections = 0;
  const tls = {
    key: pki.pem.serverKey,
    cert: pki.pem.serverCert,
    ...(options.requireClientCert ? { ca: pki.pem.ca, requestCert: true, rejectUnauthorized: true } : {}),
    ...(options.maxVersion ? { maxVersion: options.maxVersion } : {}),
  };
  const handler = (req: http2.Http2ServerRequest | IncomingMessage, res: http2.Http2ServerResponse | ServerResponse): void => {
    const socket = (req.socket as TLSSocket);
    const peer = typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate() : undefined;
    requests.push({ httpVersion: req.httpVersion, clientCN: (peer?.subject?.CN as string | undefined) ?? '', path: req.url ?? '' });
    res.end(`ok HTTP/${req.httpVersion}`);
  };
  const server = options.kind === 'http2'
    ? http2.createSecureServer({ ...tls, allowHTTP1: true }, handler)
    : https.createServer(tls, handler);
  server.on('secureConnection', () => { connections += 1; });
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    requests,
    get connections() { return connections; },
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
