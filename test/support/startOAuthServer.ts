import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startServer } from './startServer';
import type { TestServer } from './startServer';

/** Options of the loopback OAuth2 server. */
export interface OAuthServerOptions {
  clientId: string;
  clientSecret: string;
  /** For the password grant. */
  username?: string;
  password?: string;
  /** Seconds; default 3600. 0 = no expires_in in the answer. */
  expiresIn?: number;
  /** Give refresh tokens (default true). */
  refreshTokens?: boolean;
  /** Give an id_token too. */
  idToken?: boolean;
  /** GET /authorize: approve at once (default) or answer `error=access_denied`. */
  authorize?: 'approve' | 'deny';
  /** POST /device: the `interval` it names (seconds; default 1). */
  deviceInterval?: number;
  /** POST /device: the code's `expires_in` (seconds; default 600). */
  deviceExpiresIn?: number;
  /** The first N polls of an approved device code get `slow_down`. */
  slowDowns?: number;
}

/** A call of GET /authorize or POST /device as it arrived. */
export interface EndpointCall {
  params: Record<string, string>;
  /** The client authenticated with HTTP Basic. */
  basic: boolean;
}

/** One call of the token endpoint as it arrived. */
export interface TokenCall {
  grantType: string;
  form: Record<string, string>;
  /** The client authenticated with HTTP Basic (else in the body). */
  basic: boolean;
}

/** An OAuth2 server: its token endpoint's calls and the tokens it accepts. */
export interface OAuthServer extends TestServer {
  /** `${url}/token` */
  tokenUrl: string;
  readonly tokenCalls: TokenCall[];
  /** Access tokens issued, in order. */
  readonly issued: string[];
  /** Revokes every refresh token issued so far. */
  revokeRefreshTokens(): void;
  /** `${url}/authorize` */
  authUrl: string;
  /** `${url}/device` (POST: a device code; GET ?user_code=…: the user approves it). */
  deviceAuthUrl: string;
  readonly authorizeCalls: EndpointCall[];
  readonly deviceCalls: EndpointCall[];
  /** The user denies the device code last issued. */
  denyDevice(): void;
}

/**
 * A loopback OAuth2 provider (RFC 6749) checked by its own code: POST /token answers client_credentials,
 * password, authorization_code (PKCE checked), device_code and refresh_token grants (client via Basic or in
 * the body, or a public client by client_id alone for the browser grants; 401 invalid_client, 400
 * invalid_grant); GET /authorize redirects at once with a code (or access_denied); POST /device issues a
 * device code (RFC 8628) that GET /device?user_code=… approves; GET /me answers 200 with the token's
 * subject for `Authorization: Bearer <issued token>`, else 401.
 */
export async function startOAuthServer(options: OAuthServerOptions): Promise<OAuthServer> {
  const tokenCalls: TokenCall[] = [];
  const issued: string[] = [];
  const subjects = new Map<string, string>();
  let refreshTokens = new Map<string, string>();
  const authorizeCalls: EndpointCall[] = [];
  const deviceCalls: EndpointCall[] = [];
  const codes = new Map<string, { redirectUri: string; challenge?: string; method?: string }>();
  const devices = new Map<string, { userCode: string; state: 'pending' | 'approved' | 'denied'; expiresAt: number; slowDowns: number }>();
  let lastDevice = '';
  const publicGrants = new Set(['authorization_code', 'urn:ietf:params:oauth:grant-type:device_code', 'refresh_token']);
  const json = (res: ServerResponse, status: number, body: object): void => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const issue = (res: ServerResponse, subject: string): void => {
    const access = `at-${issued.length + 1}-${randomBytes(6).toString('hex')}`;
    issued.push(access);
    subjects.set(access, subject);
    const body: Record<string, unknown> = { access_token: access, token_type: 'Bearer' };
    if ((options.expiresIn ?? 3600) > 0) body.expires_in = options.expiresIn ?? 3600;
    if (options.refreshTokens !== false) {
      const refresh = `rt-${randomBytes(6).toString('hex')}`;
      refreshTokens.set(refresh, subject);
      body.refresh_token = refresh;
    }
    if (options.idToken) body.id_token = `id-${subject}-${issued.length}`;
    json(res, 200, body);
  };
  const token = (req: IncomingMessage, res: ServerResponse, text: string): void => {
    const form = Object.fromEntries(new URLSearchParams(text));
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
    const [id, secret] = basic
      ? Buffer.from(basic[1], 'base64').toString().split(':').map(decodeURIComponent)
      : [form.client_id, form.client_secret];
    tokenCalls.push({ grantType: form.grant_type ?? '', form, basic: !!basic });
    const publicClient = !basic && secret === undefined && id === options.clientId && publicGrants.has(form.grant_type ?? '');
    if (!publicClient && (id !== options.clientId || secret !== options.clientSecret)) return json(res, 401, { error: 'invalid_client', error_description: 'unknown client or wrong secret' });
    if (form.grant_type === 'authorization_code') {
      const issuedCode = codes.get(form.code ?? '');
      codes.delete(form.code ?? '');
      if (!issuedCode || issuedCode.redirectUri !== form.redirect_uri) return json(res, 400, { error: 'invalid_grant', error_description: 'unknown code or another redirect_uri' });
      if (issuedCode.challenge !== undefined) {
        const verifier = form.code_verifier ?? '';
        const expected = issuedCode.method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
        if (expected !== issuedCode.challenge) return json(res, 400, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
      }
      return issue(res, `user:${id}`);
    }
    if (form.grant_type === 'urn:ietf:params:oauth:grant-type:device_code') {
      const device = devices.get(form.device_code ?? '');
      if (!device) return json(res, 400, { error: 'invalid_grant', error_description: 'unknown device code' });
      if (Date.now() > device.expiresAt) return json(res, 400, { error: 'expired_token' });
      if (device.state === 'denied') return json(res, 400, { error: 'access_denied' });
      if (device.state === 'pending') return json(res, 400, { error: 'authorization_pending' });
      if (device.slowDowns > 0) {
        device.slowDowns -= 1;
        return json(res, 400, { error: 'slow_down' });
      }
      devices.delete(form.device_code ?? '');
      return issue(res, `device:${id}`);
    }
    if (form.grant_type === 'client_credentials') return issue(res, `client:${id}`);
    if (form.grant_type === 'password') {
      if (form.username !== options.username || form.password !== options.password) return json(res, 400, { error: 'invalid_grant', error_description: 'wrong username or password' });
      return issue(res, `user:${form.username}`);
    }
    if (form.grant_type === 'refresh_token') {
      const subject = refreshTokens.get(form.refresh_token ?? '');
      if (!subject) return json(res, 400, { error: 'invalid_grant', error_description: 'refresh token unknown or revoked' });
      refreshTokens.delete(form.refresh_token);
      return issue(res, subject);
    }
    json(res, 400, { error: 'unsupported_grant_type' });
  };
  const authorize = (req: IncomingMessage, res: ServerResponse): void => {
    const params = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
    authorizeCalls.push({ params, basic: false });
    if (params.client_id !== options.clientId || !params.redirect_uri) return json(res, 400, { error: 'invalid_request' });
    const back = new URL(params.redirect_uri);
    if (params.state !== undefined) back.searchParams.set('state', params.state);
    if (options.authorize === 'deny') {
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'the user said no');
    } else {
      const code = `code-${randomBytes(6).toString('hex')}`;
      codes.set(code, { redirectUri: params.redirect_uri, ...(params.code_challenge ? { challenge: params.code_challenge, method: params.code_challenge_method ?? 'plain' } : {}) });
      back.searchParams.set('code', code);
    }
    res.writeHead(302, { Location: back.toString() });
    res.end();
  };
  const device = (req: IncomingMessage, res: ServerResponse, text: string): void => {
    if (req.method === 'GET') {
      const userCode = new URL(req.url ?? '/', 'http://x').searchParams.get('user_code');
      const entry = [...devices.values()].find((d) => d.userCode === userCode);
      if (!entry) return json(res, 404, { error: 'unknown user code' });
      entry.state = 'approved';
      return json(res, 200, { approved: true });
    }
    const params = Object.fromEntries(new URLSearchParams(text));
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
    deviceCalls.push({ params, basic: !!basic });
    const deviceCode = `dc-${randomBytes(6).toString('hex')}`;
    const userCode = `U${randomBytes(3).toString('hex').toUpperCase()}`;
    devices.set(deviceCode, { userCode, state: 'pending', expiresAt: Date.now() + (options.deviceExpiresIn ?? 600) * 1000, slowDowns: options.slowDowns ?? 0 });
    lastDevice = deviceCode;
    json(res, 200, {
      device_code: deviceCode, user_code: userCode, verification_uri: `${server.url}/device`,
      verification_uri_complete: `${server.url}/device?user_code=${userCode}`, expires_in: options.deviceExpiresIn ?? 600, interval: options.deviceInterval ?? 1,
    });
  };
  const server = await startServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/token' && req.method === 'POST') return token(req, res, Buffer.concat(chunks).toString());
      if (path === '/authorize') return authorize(req, res);
      if (path === '/device') return device(req, res, Buffer.concat(chunks).toString());
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const subject = bearer ? subjects.get(bearer) : undefined;
      if (!subject) return json(res, 401, { error: 'invalid_token' });
      // The token number, not the token: output that holds a token came from the code under test.
      json(res, 200, { subject, tokenNumber: issued.indexOf(bearer ?? '') + 1 });
    });
  });
  return {
    ...server,
    get connections() { return server.connections; },
    tokenUrl: `${server.url}/token`,
    tokenCalls,
    issued,
    revokeRefreshTokens() { refreshTokens = new Map(); },
    authUrl: `${server.url}/authorize`,
    deviceAuthUrl: `${server.url}/device`,
    authorizeCalls,
    deviceCalls,
    denyDevice() {
      const entry = devices.get(lastDevice);
      if (entry) entry.state = 'denied';
    },
  };
}
