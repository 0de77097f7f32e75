import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpSessionError } from '../../errors';

/** A listener on the loopback interface waiting for the browser's redirect with the authorization code. */
export interface LoopbackRedirect {
  /** The `redirect_uri` to send: the Redirect URL with the port the listener got. */
  redirectUri: string;
  /** The `code` of the first redirect to the path; rejects on a wrong state, an error answer, the wait's end or the signal. */
  code: Promise<string>;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** How the listener waits: how long, what cancels it, and how its errors are worded. */
export interface RedirectWait {
  waitMs: number;
  signal?: AbortSignal;
  /** Wraps a message in the caller's error (naming the auth configuration). */
  fail(code: HttpSessionError['code'], what: string): HttpSessionError;
}

/**
 * Listens on `redirectUrl`'s loopback host and port (0 = a free one) for the redirect of an authorization
 * request sent with `state` (RFC 6749 4.1.2, RFC 8252 7.3). Requests to other paths get a 404 and the wait
 * goes on; a redirect whose state differs ends it with an error (RFC 6749 10.12), so does an `error` answer.
 * The browser gets a short page that echoes nothing it sent.
 */
export async function listenForRedirect(redirectUrl: string, state: string, wait: RedirectWait): Promise<LoopbackRedirect> {
  const target = new URL(redirectUrl);
  let settle: { resolve(code: string): void; reject(error: Error): void } | undefined;
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  code.catch(() => undefined);
  const server = createServer((req, res) => {
    const outcome = redirectOutcome(req, target.pathname, state, wait);
    if (outcome === 'not-here') return page(res, 404, 'This is not the sign-in redirect path.');
    if (outcome instanceof Error) {
      page(res, 400, 'Sign-in failed: see HTTP Session for the reason. You can close this tab.');
      settle?.reject(outcome);
    } else {
      page(res, 200, 'Signed in: HTTP Session has the authorization code. You can close this tab.');
      settle?.resolve(outcome);
    }
  });
  const host = target.hostname === '[::1]' ? '::1' : '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(wait.fail('ENVIRONMENT', error.code === 'EADDRINUSE'
      ? `the Redirect URL's port ${target.port} is in use on this machine; choose another port, or leave the port out for any free one`
      : `cannot listen for the redirect on ${redirectUrl}: ${error.message}`)));
    server.listen(Number(target.port), host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const redirectUri = `http://${target.hostname}:${port}${target.pathname}`;
  const timer = setTimeout(() => settle?.reject(wait.fail('TIMEOUT', `no redirect arrived at ${redirectUri} within ${Math.round(wait.waitMs / 1000)} s: was the sign-in finished in the browser? Send the request again to start over`)), wait.waitMs);
  const onAbort = (): void => settle?.reject(wait.fail('CANCELLED', 'the sign-in was cancelled'));
  wait.signal?.addEventListener('abort', onAbort, { once: true });
  return {
    redirectUri,
    code,
    close: async () => {
      clearTimeout(timer);
      wait.signal?.removeEventListener('abort', onAbort);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function redirectOutcome(req: IncomingMessage, path: string, state: string, wait: RedirectWait): string | Error | 'not-here' {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method !== 'GET' || url.pathname !== path) return 'not-here';
  const params = url.searchParams;
  if (params.get('state') !== state) {
    return wait.fail('ENVIRONMENT', 'the redirect came back with another state than the one sent (a redirect this request did not start); nothing was kept');
  }
  const error = params.get('error');
  if (error) {
    const description = params.get('error_description');
    return wait.fail('ENVIRONMENT', `the authorization server refused the sign-in (${error}${description ? `: ${description}` : ''})`);
  }
  return params.get('code') || wait.fail('ENVIRONMENT', 'the redirect came back without a code');
}

function page(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  res.end(`<!doctype html><meta charset="utf-8"><title>HTTP Session</title><p>${text}</p>`);
}
