import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { DemoRequest } from './requestInfo';
import { sendBody, sendJson, sendRedirect } from './respond';

/** The device code grant's `grant_type` (RFC 8628 3.4). */
export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** Issues a token for `subject` (the provider's own issuer). */
export type IssueToken = (res: ServerResponse, subject: string) => void;

/** The demo provider's sign-in grants: the endpoints the user's browser meets, and their token requests. */
export interface SignInGrants {
  /** `GET /oauth/authorize`, `POST /oauth/device`, `GET /oauth/device`; false for any other route. */
  handle(request: DemoRequest, res: ServerResponse): boolean;
  /** Answers a token request of the authorization_code or device code grant; false for another grant. */
  token(grant: string | null, form: URLSearchParams, res: ServerResponse): boolean;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const CODE_TTL_MS = 60_000;
const DEVICE_TTL_S = 300;
const DEVICE_INTERVAL_S = 2;

/**
 * Authorization Code (RFC 6749 4.1, PKCE checked, RFC 7636) and Device Authorization (RFC 8628) for the
 * demo user: `/oauth/authorize` approves at once and redirects back with a code, to loopback redirect URIs
 * only (no open redirect); `/oauth/device` issues a user code that its page approves. `clientId` is the one
 * client it knows.
 */
export function createSignInGrants(clientId: string, subject: string, issue: IssueToken): SignInGrants {
  const codes = new Map<string, { redirectUri: string; challenge?: string; method: string; expiresAt: number }>();
  const devices = new Map<string, { userCode: string; approved: boolean; expiresAt: number; lastPoll: number }>();
  const authorize = (request: DemoRequest, res: ServerResponse): void => {
    const params = request.url.searchParams;
    const redirectUri = params.get('redirect_uri') ?? '';
    const back = URL.canParse(redirectUri) ? new URL(redirectUri) : undefined;
    if (params.get('client_id') !== clientId || params.get('response_type') !== 'code' || !back || back.protocol !== 'http:' || !LOOPBACK.has(back.hostname)) {
      sendBody(res, 400, 'text/plain; charset=utf-8', `Bad authorization request: the demo client is ${clientId}, response_type must be code, and redirect_uri a loopback http URL.\n`);
      return;
    }
    const code = randomBytes(12).toString('base64url');
    const challenge = params.get('code_challenge');
    codes.set(code, { redirectUri, ...(challenge ? { challenge } : {}), method: params.get('code_challenge_method') ?? 'plain', expiresAt: Date.now() + CODE_TTL_MS });
    back.searchParams.set('code', code);
    const state = params.get('state');
    if (state !== null) back.searchParams.set('state', state);
    sendRedirect(res, 302, back.toString());
  };
  const deviceStart = (request: DemoRequest, res: ServerResponse): void => {
    const form = new URLSearchParams(request.body.toString('utf8'));
    const basic = /^Basic (.+)$/i.exec(request.req.headers.authorization ?? '');
    const id = basic ? decodeURIComponent(Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0]) : form.get('client_id');
    if (id !== clientId) return sendJson(res, 401, { error: 'invalid_client', error_description: `the demo client is ${clientId}` });
    const deviceCode = randomBytes(18).toString('base64url');
    const letters = randomBytes(8).map((byte) => 65 + (byte % 26));
    const userCode = `${Buffer.from(letters.subarray(0, 4)).toString()}-${Buffer.from(letters.subarray(4)).toString()}`;
    devices.set(deviceCode, { userCode, approved: false, expiresAt: Date.now() + DEVICE_TTL_S * 1000, lastPoll: 0 });
    const page = `${request.url.origin}/oauth/device`;
    sendJson(res, 200, { device_code: deviceCode, user_code: userCode, verification_uri: page, verification_uri_complete: `${page}?user_code=${userCode}`, expires_in: DEVICE_TTL_S, interval: DEVICE_INTERVAL_S }, { 'Cache-Control': 'no-store' });
  };
  const devicePage = (request: DemoRequest, res: ServerResponse): void => {
    const typed = (request.url.searchParams.get('user_code') ?? '').trim().toUpperCase();
    if (!typed) return sendBody(res, 200, 'text/html; charset=utf-8', page('<form><label>Code shown by your editor: <input name="user_code" autofocus></label> <button>Approve</button></form>'));
    const entry = [...devices.values()].find((device) => device.userCode === typed && device.expiresAt > Date.now());
    if (!entry) return sendBody(res, 404, 'text/html; charset=utf-8', page('No such code, or it expired. <a href="/oauth/device">Try again</a>.'));
    entry.approved = true;
    sendBody(res, 200, 'text/html; charset=utf-8', page('Approved for the demo user. Go back to your editor or terminal: the request goes on by itself.'));
  };
  const codeToken = (form: URLSearchParams, res: ServerResponse): void => {
    const entry = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? '');
    if (!entry || entry.expiresAt < Date.now() || entry.redirectUri !== form.get('redirect_uri')) {
      return sendJson(res, 400, { error: 'invalid_grant', error_description: 'unknown or expired code, or another redirect_uri' });
    }
    if (entry.challenge !== undefined) {
      const verifier = form.get('code_verifier') ?? '';
      const expected = entry.method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
      if (expected !== entry.challenge) return sendJson(res, 400, { error: 'invalid_grant', error_description: 'code_verifier does not match the code_challenge (PKCE)' });
    }
    issue(res, subject);
  };
  const deviceToken = (form: URLSearchParams, res: ServerResponse): void => {
    const code = form.get('device_code') ?? '';
    const entry = devices.get(code);
    if (!entry) return sendJson(res, 400, { error: 'invalid_grant', error_description: 'unknown device code' });
    if (entry.expiresAt < Date.now()) return sendJson(res, 400, { error: 'expired_token' });
    const tooSoon = Date.now() - entry.lastPoll < DEVICE_INTERVAL_S * 1000 - 100;
    entry.lastPoll = Date.now();
    if (tooSoon) return sendJson(res, 400, { error: 'slow_down' });
    if (!entry.approved) return sendJson(res, 400, { error: 'authorization_pending' });
    devices.delete(code);
    issue(res, subject);
  };
  return {
    handle(request, res) {
      const path = request.url.pathname;
      if (path === '/oauth/authorize' && request.method === 'GET') authorize(request, res);
      else if (path === '/oauth/device' && request.method === 'POST') deviceStart(request, res);
      else if (path === '/oauth/device' && request.method === 'GET') devicePage(request, res);
      else return false;
      return true;
    },
    token(grant, form, res) {
      if (grant === 'authorization_code') codeToken(form, res);
      else if (grant === DEVICE_GRANT) deviceToken(form, res);
      else return false;
      return true;
    },
  };
}

function page(body: string): string {
  return `<!doctype html><meta charset="utf-8"><title>Demo OAuth2 provider</title><h1>Demo OAuth2 provider</h1><p>${body}</p>`;
}
