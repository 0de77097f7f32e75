import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { listCustomers } from './customers';
import { mediaType, parseCookieHeader, type DemoRequest } from './requestInfo';
import { parseWholeNumber, sendJson } from './respond';

/** The demo app's one account (the byhy requests.Session tutorial's). */
export const DEMO_USER = { username: 'byhy', password: '88888888' };

const EXPIRED_SESSION_COOKIE = 'sessionid=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/';

/** A small login app: its sessions and tokens live as long as the server. */
export interface MgrApp {
  /** Handles `/api/...`; false when `path` is not one of the app's. */
  handle(request: DemoRequest, res: ServerResponse): boolean;
}

/** Creates the app with empty session and token tables. */
export function createMgrApp(): MgrApp {
  const sessions = new Map<string, string>();
  const tokens = new Map<string, string>();

  const signin = (request: DemoRequest, res: ServerResponse): void => {
    const form = formOf(request);
    if (form.get('username') !== DEMO_USER.username || form.get('password') !== DEMO_USER.password) {
      sendJson(res, 200, { ret: 1, msg: '用户名或者密码错误' });
      return;
    }
    const id = randomBytes(16).toString('hex');
    sessions.set(id, DEMO_USER.username);
    sendJson(res, 200, { ret: 0 }, { 'Set-Cookie': `sessionid=${id}; HttpOnly; Path=/` });
  };

  const customers = (request: DemoRequest, res: ServerResponse): void => {
    const id = parseCookieHeader(request.req).sessionid;
    if (!id || !sessions.has(id)) {
      sendJson(res, 200, { ret: 302, msg: '未登录', redirect: '/mgr/sign.html' });
      return;
    }
    const query = request.url.searchParams;
    if (query.get('action') !== 'list_customer') {
      sendJson(res, 200, { ret: 1, msg: `不支持该类型http请求: action=${query.get('action') ?? ''}` });
      return;
    }
    const pageSize = Math.max(1, parseWholeNumber(query.get('pagesize')) ?? 10);
    const pageNum = Math.max(1, parseWholeNumber(query.get('pagenum')) ?? 1);
    sendJson(res, 200, { ret: 0, ...listCustomers(query.get('keywords') ?? '', pageSize, pageNum) });
  };

  const signout = (request: DemoRequest, res: ServerResponse): void => {
    const id = parseCookieHeader(request.req).sessionid;
    if (id) sessions.delete(id);
    sendJson(res, 200, { ret: 0 }, { 'Set-Cookie': EXPIRED_SESSION_COOKIE });
  };

  const issueToken = (request: DemoRequest, res: ServerResponse): void => {
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, formOf(request).get('username') || DEMO_USER.username);
    sendJson(res, 200, { token });
  };

  const me = (request: DemoRequest, res: ServerResponse): void => {
    const match = /^Bearer (.+)$/i.exec(request.req.headers.authorization ?? '');
    const user = match ? tokens.get(match[1]) : undefined;
    if (user) sendJson(res, 200, { user, authenticated: true });
    else sendJson(res, 401, { authenticated: false, msg: 'needs Authorization: Bearer <token from POST /api/token>' }, { 'WWW-Authenticate': 'Bearer' });
  };

  const routes: Record<string, [method: string, handler: (request: DemoRequest, res: ServerResponse) => void]> = {
    '/api/mgr/signin': ['POST', signin],
    '/api/mgr/customers': ['GET', customers],
    '/api/mgr/signout': ['POST', signout],
    '/api/token': ['POST', issueToken],
    '/api/me': ['GET', me],
  };

  return {
    handle(request, res) {
      const route = routes[request.url.pathname];
      if (!route) return false;
      if (request.method !== route[0] && !(route[0] === 'GET' && request.method === 'HEAD')) {
        sendJson(res, 405, { ret: 1, msg: `use ${route[0]}` }, { Allow: route[0] });
      } else {
        route[1](request, res);
      }
      return true;
    },
  };
}

/** Form fields from a urlencoded body, or from a JSON object body (a convenience for `.http` users). */
function formOf(request: DemoRequest): URLSearchParams {
  const text = request.body.toString('utf8');
  if (mediaType(request.req) === 'application/json') {
    try {
      const value = JSON.parse(text) as Record<string, unknown>;
      return new URLSearchParams(Object.entries(value).map(([k, v]): [string, string] => [k, String(v)]));
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(text);
}
