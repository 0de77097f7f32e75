import type { ServerResponse } from 'node:http';
import { parseCookieHeader, type DemoRequest } from './requestInfo';
import { parseWholeNumber, sendJson, sendRedirect } from './respond';

/** Most hops `/redirect/N` chains. */
export const MAX_REDIRECT_CHAIN = 100;

/** httpbin's cookie, auth and redirect endpoints; false when `path` is not one of them. */
export function handleAuthRoute(request: DemoRequest, res: ServerResponse): boolean {
  const path = request.url.pathname;
  const query = request.url.searchParams;
  if (path === '/cookies') {
    sendJson(res, 200, { cookies: parseCookieHeader(request.req) });
  } else if (path === '/cookies/set') {
    const setCookies = [...query].map(([name, value]) => `${name}=${value}; Path=/`);
    sendRedirect(res, 302, '/cookies', setCookies);
  } else if (path === '/cookies/delete') {
    const expired = [...query.keys()].map((name) => `${name}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/`);
    sendRedirect(res, 302, '/cookies', expired);
  } else if (path.startsWith('/basic-auth/')) {
    basicAuth(request, res, path.slice('/basic-auth/'.length).split('/'));
  } else if (path === '/bearer') {
    const match = /^Bearer (.+)$/i.exec(request.req.headers.authorization ?? '');
    if (match) sendJson(res, 200, { authenticated: true, token: match[1] });
    else sendJson(res, 401, { authenticated: false }, { 'WWW-Authenticate': 'Bearer' });
  } else if (path.startsWith('/redirect/')) {
    const n = parseWholeNumber(path.slice('/redirect/'.length));
    if (n === undefined || n < 1 || n > MAX_REDIRECT_CHAIN) sendJson(res, 400, { error: `redirect count must be 1 to ${MAX_REDIRECT_CHAIN}` });
    else sendRedirect(res, 302, n === 1 ? '/get' : `/redirect/${n - 1}`);
  } else if (path === '/redirect-to') {
    redirectTo(res, query);
  } else {
    return false;
  }
  return true;
}

function basicAuth(request: DemoRequest, res: ServerResponse, parts: string[]): void {
  const [user, pass] = parts.map((p) => decodeURIComponent(p));
  const header = request.req.headers.authorization ?? '';
  const match = /^Basic (.+)$/i.exec(header);
  const given = match ? Buffer.from(match[1], 'base64').toString('utf8') : undefined;
  if (parts.length === 2 && given === `${user}:${pass}`) {
    sendJson(res, 200, { authenticated: true, user });
  } else {
    sendJson(res, 401, { authenticated: false }, { 'WWW-Authenticate': 'Basic realm="Fake Realm"' });
  }
}

function redirectTo(res: ServerResponse, query: URLSearchParams): void {
  const target = query.get('url');
  const status = parseWholeNumber(query.get('status_code')) ?? 302;
  if (!target || status < 300 || status > 399) {
    sendJson(res, 400, { error: 'needs url= and a 3xx status_code=' });
    return;
  }
  sendRedirect(res, status, target);
}
