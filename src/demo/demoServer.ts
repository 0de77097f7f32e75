import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAuthRoute } from './authRoutes';
import { createDigestRoutes, type DigestRoutes } from './digestRoutes';
import { handleEchoRoute } from './echoRoutes';
import { createFlakyRoutes, type FlakyRoutes } from './flakyRoutes';
import { createMgrApp } from './mgrApp';
import { createOAuthProvider, type OAuthProvider } from './oauthProvider';
import { readRequestBody, type DemoRequest } from './requestInfo';
import { sendJson } from './respond';

/** Where the demo server listens. */
export interface DemoServerOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Address to bind; default 127.0.0.1. */
  host?: string;
}

/** A running demo server. */
export interface DemoServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4610`. */
  url: string;
  port: number;
  /** Stops listening and drops every open connection. */
  close(): Promise<void>;
}

/**
 * Starts the embedded demo server: httpbin-style endpoints plus a small login app (`/api/mgr/*`,
 * `/api/token`, `/api/me`), a small OAuth2 provider (`/oauth/token`, `/oauth/me`, `/oauth/authorize`,
 * `/oauth/device`), a Digest endpoint (`/digest/USER/PASS`) and a flaky one for retries (`/flaky/KEY`).
 * Rejects when the port is taken.
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const host = options.host ?? '127.0.0.1';
  const app = createMgrApp();
  const oauth = createOAuthProvider();
  const extra = { digest: createDigestRoutes(), flaky: createFlakyRoutes() };
  const server = http.createServer((req, res) => {
    handle(req, res, app.handle, oauth, extra).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: `demo server failed: ${String(err)}` });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function handle(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  appHandle: (request: DemoRequest, res: http.ServerResponse) => boolean,
  oauth: OAuthProvider,
  extra: { digest: DigestRoutes; flaky: FlakyRoutes },
): Promise<void> {
  const body = await readRequestBody(req);
  if (body === undefined) {
    sendJson(res, 413, { error: 'request body too large' });
    return;
  }
  const hostHeader = req.headers.host ?? 'localhost';
  const request: DemoRequest = { req, method: req.method ?? 'GET', url: new URL(req.url ?? '/', `http://${hostHeader}`), body };
  if (handleAuthRoute(request, res) || appHandle(request, res) || oauth.handle(request, res)
    || extra.digest.handle(request, res) || extra.flaky.handle(request, res) || (await handleEchoRoute(request, res))) return;
  if (request.url.pathname === '/') {
    sendJson(res, 200, { name: 'HTTP Session demo server', endpoints: ENDPOINTS });
    return;
  }
  sendJson(res, 404, { error: `no such endpoint: ${request.url.pathname}`, endpoints: ENDPOINTS });
}

const ENDPOINTS = [
  '/get', '/post', '/put', '/patch', '/delete', '/anything', '/headers', '/cookies', '/cookies/set?k=v',
  '/cookies/delete?k', '/basic-auth/USER/PASS', '/bearer', '/redirect/N', '/redirect-to?url=&status_code=',
  '/status/N', '/delay/S', '/bytes/N', '/json', '/html', '/xml', '/gzip', '/image/png',
  'POST /api/mgr/signin', 'GET /api/mgr/customers?action=list_customer', 'POST /api/mgr/signout',
  'POST /api/token', 'GET /api/me', 'POST /oauth/token', 'GET /oauth/me', 'GET /oauth/authorize', 'POST /oauth/device', 'GET /oauth/device',
  '/digest/USER/PASS?algorithm=MD5', '/flaky/KEY?fail=2', 'POST /flaky/KEY/reset',
];
