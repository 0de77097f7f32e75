import { HttpSessionError } from '../../errors';
import type { OutgoingRequest } from '../../http/types';
import type { Session } from '../../session/session';
import { sendWithSession } from '../../session/sendWithSession';
import { configKey, type OAuthConfig } from './oauthConfig';
import type { OAuthInteraction } from './oauthInteraction';
import type { OAuthToken } from './oauthToken';

/** How the token endpoint is called: the request's timeout and signal, and how the user is reached. */
export interface TokenCallOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  now?: () => number;
  /** For the grants that need the user (Authorization Code, Device Authorization). */
  interaction?: OAuthInteraction;
}

/** An answer of an OAuth2 endpoint: its status and JSON object (undefined when the body was no JSON object). */
export interface EndpointAnswer {
  status: number;
  statusText: string;
  body: Record<string, unknown> | undefined;
}

/** `grant_type` as sent for each grant (RFC 6749; RFC 8628 3.4 for the device code). */
export const GRANT_TYPE: Record<OAuthConfig['grant'], string> = {
  client_credentials: 'client_credentials',
  password: 'password',
  authorization_code: 'authorization_code',
  device_code: 'urn:ietf:params:oauth:grant-type:device_code',
};

/** The form fields of a Client Credentials or Password token request (RFC 6749 4.3, 4.4), or of a refresh (6). */
export function tokenForm(config: OAuthConfig, refreshToken?: string): URLSearchParams {
  const form = new URLSearchParams();
  if (refreshToken !== undefined) {
    form.set('grant_type', 'refresh_token');
    form.set('refresh_token', refreshToken);
  } else {
    form.set('grant_type', GRANT_TYPE[config.grant]);
    if (config.grant === 'password') {
      form.set('username', config.username ?? '');
      form.set('password', config.password ?? '');
    }
  }
  if (config.scope) form.set('scope', config.scope);
  return form;
}

/** A public client: a browser grant without a client secret; it names itself with client_id in the form (RFC 6749 2.1, 3.2.1). */
export function isPublicClient(config: OAuthConfig): boolean {
  return config.clientSecret === undefined && (config.grant === 'authorization_code' || config.grant === 'device_code');
}

/**
 * Posts `form` to `url` (an endpoint of `config`'s provider) through the session's own pool, TLS verified,
 * without the jar and without following redirects (the credentials stay at that URL); the client
 * authenticates as HTTP Basic, in the form, or (a public client) by client_id alone. Throws when no answer
 * came, naming the endpoint by `label` ("token endpoint").
 */
export async function postForm(session: Session, config: OAuthConfig, endpoint: { url: string; label: string }, form: URLSearchParams, options: TokenCallOptions): Promise<EndpointAnswer> {
  const url = endpoint.url;
  const body = new URLSearchParams(form);
  const headers: Array<[string, string]> = [
    ['Content-Type', 'application/x-www-form-urlencoded'],
    ['Accept', 'application/json'],
  ];
  if (config.credentialsInBody || isPublicClient(config)) {
    body.set('client_id', config.clientId);
    if (config.clientSecret !== undefined) body.set('client_secret', config.clientSecret);
  } else {
    // RFC 6749 2.3.1: each part form-encoded before the Basic encoding.
    const basic = `${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret ?? '')}`;
    headers.push(['Authorization', `Basic ${Buffer.from(basic).toString('base64')}`]);
  }
  const request: OutgoingRequest = { method: 'POST', url, headers, body: new TextEncoder().encode(body.toString()) };
  const exchange = await sendWithSession(session, request, {
    followRedirects: false,
    maxRedirects: 0,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: 1024 * 1024,
    rejectUnauthorized: true,
    useCookieJar: false,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const response = exchange.response;
  if (!response) throw oauthError(config, exchange.error?.code ?? 'UNKNOWN', `the ${endpoint.label} ${url} could not be reached: ${exchange.error?.message ?? 'no response'}`, exchange.error);
  return { status: response.status, statusText: response.statusText, body: parseJsonObject(Buffer.from(response.body).toString('utf8')) };
}

/** An error about configuration `config`, naming it and its environment files; never holds a secret. */
export function oauthError(config: OAuthConfig, code: HttpSessionError['code'], what: string, cause?: unknown): HttpSessionError {
  return new HttpSessionError(code, `OAuth2 '${config.name}' (${config.where}): ${what}`, undefined, cause);
}

/** `error: error_description` of an OAuth2 error answer (RFC 6749 5.2), or the status text. */
export function reasonOf(answer: EndpointAnswer): string {
  const body = answer.body;
  return body && typeof body.error === 'string'
    ? `${body.error}${typeof body.error_description === 'string' ? `: ${body.error_description}` : ''}`
    : answer.statusText;
}

/** Asks the token endpoint for a Client Credentials or Password token, or a refresh when `refreshToken` is given. */
export function requestToken(session: Session, config: OAuthConfig, options: TokenCallOptions, refreshToken?: string): Promise<OAuthToken> {
  const what = refreshToken ? 'refresh' : `${config.grant} grant`;
  return exchangeForToken(session, config, options, tokenForm(config, refreshToken), what, refreshToken);
}

/**
 * Posts a token request (`form`: the grant's fields) and makes the token of a 2xx answer with an
 * access_token; else throws an ENVIRONMENT error that names the endpoint, `what` was refused and why.
 */
export async function exchangeForToken(session: Session, config: OAuthConfig, options: TokenCallOptions, form: URLSearchParams, what: string, usedRefresh?: string): Promise<OAuthToken> {
  const answer = await postForm(session, config, { url: config.tokenUrl, label: 'token endpoint' }, form, options);
  return tokenOf(config, answer, what, (options.now ?? Date.now)(), usedRefresh);
}

/** The token in a token endpoint's answer; an ENVIRONMENT error for a refusal or an answer without access_token. */
export function tokenOf(config: OAuthConfig, answer: EndpointAnswer, what: string, now: number, usedRefresh?: string): OAuthToken {
  if (answer.status < 200 || answer.status > 299) {
    throw oauthError(config, 'ENVIRONMENT', `the token endpoint ${config.tokenUrl} refused the ${what} with ${answer.status} (${reasonOf(answer)})`);
  }
  const body = answer.body;
  if (!body || typeof body.access_token !== 'string' || body.access_token === '') {
    throw oauthError(config, 'ENVIRONMENT', `the token endpoint ${config.tokenUrl} answered ${answer.status} without an access_token (a JSON object with access_token is expected)`);
  }
  const expiresIn = Number(body.expires_in);
  const token: OAuthToken = {
    name: config.name,
    grant: config.grant,
    accessToken: body.access_token,
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
