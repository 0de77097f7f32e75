import { randomBytes } from 'node:crypto';
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
}

/**
 * A loopback OAuth2 provider (RFC 6749) checked by its own code: POST /token answers client_credentials,
 * password and refresh_token grants (client via Basic or in the body; 401 invalid_client, 400 invalid_grant);
 * GET /me answers 200 with the token's subject for `Authorization: Bearer <issued token>`, else 401.
 */
export async function startOAuthServer(options: OAuthServerOptions): Promise<OAuthServer> {
  const tokenCalls: TokenCall[] = [];
  const issued: string[] = [];
  const subjects = new Map<string, string>();
  let refreshTokens = new Map<string, string>();
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
    if (id !== options.clientId || secret !== options.clientSecret) return json(res, 401, { error: 'invalid_client', error_description: 'unknown client or wrong secret' });
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
  const server = await startServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/token' && req.method === 'POST') return token(req, res, Buffer.concat(chunks).toString());
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
  };
}
