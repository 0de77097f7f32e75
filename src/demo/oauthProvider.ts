import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { createSignInGrants, DEVICE_GRANT } from './oauthSignIn';
import type { DemoRequest } from './requestInfo';
import { sendJson } from './respond';

/** The demo provider's client and user (the same user as the login app). */
export const DEMO_OAUTH = { clientId: 'demo-client', clientSecret: 'demo-secret', username: 'byhy', password: '88888888', expiresIn: 300 } as const;

// A public client (no secret) may use the grants a user signs in to, and refresh what they gave.
const PUBLIC_GRANTS = new Set(['authorization_code', DEVICE_GRANT, 'refresh_token']);

/** A small OAuth2 provider (RFC 6749): one route handler, its tokens kept per demo server. */
export interface OAuthProvider {
  /** Answers `POST /oauth/token`, `GET /oauth/me` and the sign-in routes (oauthSignIn.ts); false for any other path. */
  handle(request: DemoRequest, res: ServerResponse): boolean;
}

/**
 * `POST /oauth/token`: client_credentials, password, authorization_code, device code and refresh_token
 * grants; the client as HTTP Basic or client_id/client_secret in the form, or (a public client, for the
 * sign-in grants and their refresh) client_id alone. `GET /oauth/me`: who the Bearer token belongs to, 401
 * without one.
 */
export function createOAuthProvider(): OAuthProvider {
  const access = new Map<string, { subject: string; expiresAt: number }>();
  const refresh = new Map<string, string>();
  const issue = (res: ServerResponse, subject: string): void => {
    const accessToken = randomBytes(18).toString('base64url');
    const refreshToken = randomBytes(18).toString('base64url');
    access.set(accessToken, { subject, expiresAt: Date.now() + DEMO_OAUTH.expiresIn * 1000 });
    refresh.set(refreshToken, subject);
    sendJson(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: DEMO_OAUTH.expiresIn, refresh_token: refreshToken }, { 'Cache-Control': 'no-store' });
  };
  const signIn = createSignInGrants(DEMO_OAUTH.clientId, `user:${DEMO_OAUTH.username}`, issue);
  const token = (request: DemoRequest, res: ServerResponse): void => {
    const form = new URLSearchParams(request.body.toString('utf8'));
    const basic = /^Basic (.+)$/i.exec(request.req.headers.authorization ?? '');
    const [id, secret] = basic
      ? Buffer.from(basic[1], 'base64').toString('utf8').split(':').map((part) => decodeURIComponent(part))
      : [form.get('client_id'), form.get('client_secret')];
    const grant = form.get('grant_type');
    const publicClient = !basic && secret === null && id === DEMO_OAUTH.clientId && PUBLIC_GRANTS.has(grant ?? '');
    if (!publicClient && (id !== DEMO_OAUTH.clientId || secret !== DEMO_OAUTH.clientSecret)) {
      sendJson(res, 401, { error: 'invalid_client', error_description: `unknown client or wrong secret (the demo client is ${DEMO_OAUTH.clientId})` });
      return;
    }
    if (signIn.token(grant, form, res)) return;
    if (grant === 'client_credentials') return issue(res, `client:${id}`);
    if (grant === 'password') {
      if (form.get('username') !== DEMO_OAUTH.username || form.get('password') !== DEMO_OAUTH.password) {
        sendJson(res, 400, { error: 'invalid_grant', error_description: 'wrong username or password' });
        return;
      }
      return issue(res, `user:${DEMO_OAUTH.username}`);
    }
    if (grant === 'refresh_token') {
      const subject = refresh.get(form.get('refresh_token') ?? '');
      if (!subject) return sendJson(res, 400, { error: 'invalid_grant', error_description: 'unknown refresh token' });
      refresh.delete(form.get('refresh_token') ?? '');
      return issue(res, subject);
    }
    sendJson(res, 400, { error: 'unsupported_grant_type', error_description: 'client_credentials, password, authorization_code, device_code or refresh_token' });
  };
  const me = (request: DemoRequest, res: ServerResponse): void => {
    const bearer = /^Bearer (.+)$/i.exec(request.req.headers.authorization ?? '')?.[1] ?? '';
    const entry = access.get(bearer);
    if (!entry || entry.expiresAt < Date.now()) {
      sendJson(res, 401, { error: 'invalid_token' }, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      return;
    }
    sendJson(res, 200, { subject: entry.subject, expiresInSeconds: Math.round((entry.expiresAt - Date.now()) / 1000) });
  };
  return {
    handle(request, res) {
      const path = request.url.pathname;
      if (path === '/oauth/token' && request.method === 'POST') token(request, res);
      else if (path === '/oauth/me') me(request, res);
      else return signIn.handle(request, res);
      return true;
    },
  };
}
