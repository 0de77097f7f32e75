import * as http from 'node:http';
import type * as https from 'node:https';
import type { AddressInfo } from 'node:net';

/** A request as it arrived at a test server: raw header pairs in wire order, original case. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as on the request line. */
  url: string;
  headers: Array<[name: string, value: string]>;
}

/** A running loopback test server. */
export interface TestServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Same as `url`: scheme, host and port. */
  origin: string;
  host: string;
  port: number;
  /** Number of TCP connections accepted so far. */
  readonly connections: number;
  /** Every request received so far, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Stops listening and destroys every open connection. */
  close(): Promise<void>;
}

/** Options for startServer. */
export interface StartServerOptions {
  /** Loopback address to bind; default 127.0.0.1. */
  host?: string;
}

/** The request handler of a test server. */
export type TestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

/** Turns raw header pairs from node:http into `[name, value]` tuples. */
export function pairHeaders(raw: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i], raw[i + 1]]);
  return pairs;
}

/**
 * Wraps a node:http or node:https server with the TestServer bookkeeping and starts it on
 * `host` port 0. Used by startServer and startTlsServer.
 */
export async function listenTestServer(server: http.Server | https.Server, scheme: 'http' | 'https', host: string): Promise<TestServer> {
  let connections = 0;
  const requests: RecordedRequest[] = [];
  server.on(scheme === 'https' ? 'secureConnection' : 'connection', () => { connections += 1; });
  server.prependListener('request', (req: http.IncomingMessage) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: pairHeaders(req.rawHeaders) });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `${scheme}://${host}:${port}`;
  return {
    url: origin,
    origin,
    host,
    port,
    get connections() { return connections; },
    requests,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** Wraps a handler so that a thrown error answers 500 instead of hanging the client. */
export function guardHandler(handler: TestHandler): TestHandler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`test handler failed: ${String(err)}`);
    }
  };
}

/**
 * Starts a node:http server on 127.0.0.1 (or `options.host`), port 0, running `handler` for each request.
 * Always `await server.close()` in an `after`/`finally`.
 */
export async function startServer(handler: TestHandler, options: StartServerOptions = {}): Promise<TestServer> {
  const server = http.createServer(guardHandler(handler));
  return listenTestServer(server, 'http', options.host ?? '127.0.0.1');
}
