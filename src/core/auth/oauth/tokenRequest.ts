import { HttpSessionError } from '../../errors';
import type { OutgoingRequest } from '../../http/types';
import type { Session } from '../../session/session';
import { sendWithSession } from '../../session/sendWithSession';
import { configKey, type OAuthConfig } from './oauthConfig';
import type { OAuthToken } from './oauthToken';

/** How the token endpoint is called: the request's timeout and signal. */
export interface TokenCallOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  now?: () => number;
}

/** The form fields of a token request (RFC 6749 4.3, 4.4, 6): the grant's own, or a refresh. */
export function tokenForm(config: OAuthConfig, refreshToken?: string): URLSearchParams {
  const form = new URLSearchParams();
  if (refreshToken !== undefined) {
    form.set('grant_type', 'refresh_token');
    form.set('refresh_token', refreshToken);
  } else {
    form.set('grant_type', config.grant);
    if (config.grant === 'password') {
      form.set('username', config.username ?? '');
      form.set('password', config.password ?? '');
    }
  }
  if (config.scope) form.set('scope', config.scope);
  if (config.credentialsInBody) {
    form.set('client_id', config.clientId);
    if (config.clientSecret !== undefined) form.set('client_secret', config.clientSecret);
  }
  return form;
}

/**
 * Asks the token endpoint for a token (a refresh when `refreshToken` is given) through the session's own
 * pool, TLS verified, without the jar and without following redirects (the credentials stay at the token
 * URL). Throws HttpSessionError naming the auth configuration and its environment file; secrets are never
 * part of a message.
 */
export async function requestToken(session: Session, config: OAuthConfig, options: TokenCallOptions, refreshToken?: string): Promise<OAuthToken> {
  const fail = (code: 'ENVIRONMENT' | HttpSessionError['code'], what: string, cause?: unknown): HttpSessionError =>
    new HttpSessionError(code, `OAuth2 '${config.name}' (${config.where}): ${what}`, undefined, cause);
  const exchange = await sendWithSession(session, tokenHttpRequest(config, refreshToken), {
    followRedirects: false,
    maxRedirects: 0,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: 1024 * 1024,
    rejectUnauthorized: true,
    useCookieJar: false,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const response = exchange.response;
  if (!response) throw fail(exchange.error?.code ?? 'UNKNOWN', `the token endpoint ${config.tokenUrl} could not be reached: ${exchange.error?.message ?? 'no response'}`, exchange.error);
  const text = Buffer.from(response.body).toString('utf8');
  const body = parseJsonObject(text);
  if (response.status < 200 || response.status > 299) {
    const reason = body && typeof body.error === 'string'
      ? `${body.error}${typeof body.error_description === 'string' ? `: ${body.error_description}` : ''}`
      : response.statusText;
    throw fail('ENVIRONMENT', `the token endpoint ${config.tokenUrl} refused the ${refreshToken ? 'refresh' : `${config.grant} grant`} with ${response.status} (${reason})`);
  }
  if (!body || typeof body.access_token !== 'string' || body.access_token === '') {
    throw fail('ENVIRONMENT', `the token endpoint ${config.tokenUrl} answered ${response.status} without an access_token (a JSON object with access_token is expected)`);
  }
  return tokenFrom(config, body, (options.now ?? Date.now)(), refreshToken);
}

function tokenHttpRequest(config: OAuthConfig, refreshToken?: string): OutgoingRequest {
  const headers: Array<[string, string]> = [
    ['Content-Type', 'application/x-www-form-urlencoded'],
    ['Accept', 'application/json'],
  ];
  if (!config.credentialsInBody) {
    // RFC 6749 2.3.1: each part form-encoded before the Basic encoding.
    const basic = `${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret ?? '')}`;
    headers.push(['Authorization', `Basic ${Buffer.from(basic).toString('base64')}`]);
  }
  return { method: 'POST', url: config.tokenUrl, headers, body: new TextEncoder().encode(tokenForm(config, refreshToken).toString()) };
}

function tokenFrom(config: OAuthConfig, body: Record<string, unknown>, now: number, usedRefresh?: string): OAuthToken {
  const expiresIn = Number(body.expires_in);
  const token: OAuthToken = {
    name: config.name,
    grant: config.grant,
    accessToken: body.access_token as string,
    tokenType: typeof body.token_type === 'string' ? body.token_type : 'Bearer',
    obtainedAt: now,
    configKey: configKey(config),
  };
  if (Number.isFinite(expiresIn) && expiresIn > 0) token.expiresAt = now + expiresIn * 1000;
  if (typeof body.id_token === 'string') token.idToken = body.id_token;
  // RFC 6749 6: a refresh may leave the refresh token out, the old one then stays valid.
  const refresh = typeof body.refresh_token === 'string' ? body.refresh_token : usedRefresh;
  if (refresh !== undefined) token.refreshToken = refresh;
  return token;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
