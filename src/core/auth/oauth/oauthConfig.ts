import { basename } from 'node:path';
import { HttpSessionError } from '../../errors';
import type { RawAuthConfig } from './authConfigs';
import { loopbackRedirectUrl } from './loopbackRedirectUrl';

/** The OAuth2 grants (RFC 6749 4.1, 4.3, 4.4; RFC 8628). */
export type OAuthGrant = 'client_credentials' | 'password' | 'authorization_code' | 'device_code';

/** PKCE (RFC 7636): the challenge method, and a fixed verifier when the configuration gives one. */
export interface PkceConfig {
  method: 'S256' | 'plain';
  verifier?: string;
}

/** One `Security.Auth` entry of type OAuth2, checked, its `{{…}}` values expanded. */
export interface OAuthConfig {
  name: string;
  grant: OAuthGrant;
  tokenUrl: string;
  clientId: string;
  clientSecret?: string;
  scope?: string;
  username?: string;
  password?: string;
  /** Authorization Code: where the browser signs in ("Auth URL"). */
  authUrl?: string;
  /** Authorization Code: the loopback URL the redirect comes back to ("Redirect URL"; port 0 = any free port). */
  redirectUrl?: string;
  /** Authorization Code: PKCE when "PKCE" is true or an object. */
  pkce?: PkceConfig;
  /** Device Authorization: the device authorization endpoint ("Device Auth URL", RFC 8628 3.1). */
  deviceAuthUrl?: string;
  /** `"Client Credentials": "in body"`: id and secret as form fields; otherwise HTTP Basic (RFC 6749 2.3.1). */
  credentialsInBody: boolean;
  /** The environment files it came from, for messages: `http-client.env.json, http-client.private.env.json`. */
  where: string;
}

const GRANTS: Record<string, OAuthGrant> = {
  'client credentials': 'client_credentials',
  password: 'password',
  'authorization code': 'authorization_code',
  'device authorization': 'device_code',
};
const GRANT_NAMES = '"Client Credentials", "Password", "Authorization Code" or "Device Authorization"';

/**
 * Checks an auth configuration and expands `{{…}}` in its string fields with `expand`. Throws an
 * ENVIRONMENT error naming the configuration and its environment file(s) for anything missing or unknown.
 */
export function oauthConfig(name: string, raw: RawAuthConfig, expand: (text: string) => string): OAuthConfig {
  const where = raw.files.map((file) => basename(file)).join(', ');
  const fail = (what: string): HttpSessionError =>
    new HttpSessionError('ENVIRONMENT', `Auth configuration '${name}' (${where}): ${what}`, { file: raw.files[raw.files.length - 1], line: 0 });
  const text = (field: string, value: unknown = raw.fields[field]): string | undefined => {
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') throw fail(`"${field}" must be a string`);
    try {
      return expand(value);
    } catch (error) {
      throw fail(`"${field}": ${(error as Error).message}`);
    }
  };
  const type = text('Type');
  if (type?.toLowerCase() !== 'oauth2') throw fail(`"Type" must be "OAuth2" (found ${type === undefined ? 'none' : `"${type}"`})`);
  const grantText = (text('Grant Type') ?? '').toLowerCase();
  const grant = GRANTS[grantText];
  if (!grant) {
    if (grantText === 'implicit') throw fail('the "Implicit" grant is not supported (OAuth 2.0 Security BCP); use "Authorization Code" with "PKCE": true');
    throw fail(`"Grant Type" must be ${GRANT_NAMES} (found ${grantText ? `"${text('Grant Type')}"` : 'none'})`);
  }
  const required = (field: string): string => text(field) ?? (() => { throw fail(`"${field}" is missing`); })();
  const httpUrl = (field: string): string => {
    const url = required(field);
    if (!/^https?:\/\//i.test(url)) throw fail(`"${field}" must be an http(s) URL (found "${url}")`);
    return url;
  };
  const config: OAuthConfig = {
    name,
    grant,
    tokenUrl: httpUrl('Token URL'),
    clientId: required('Client ID'),
    credentialsInBody: (text('Client Credentials') ?? '').toLowerCase() === 'in body',
    where,
  };
  const optional = { clientSecret: text('Client Secret'), scope: text('Scope') };
  Object.assign(config, dropUndefined(optional));
  if (grant === 'password') Object.assign(config, { username: required('Username'), password: required('Password') });
  if (grant === 'device_code') config.deviceAuthUrl = httpUrl('Device Auth URL');
  if (grant === 'authorization_code') {
    config.authUrl = httpUrl('Auth URL');
    const redirect = loopbackRedirectUrl(text('Redirect URL'));
    if (typeof redirect !== 'string') throw fail(redirect.problem);
    config.redirectUrl = redirect;
    const pkce = pkceConfig(raw.fields.PKCE, (field, value) => text(field, value), fail);
    if (pkce) config.pkce = pkce;
  }
  return config;
}

/** What identifies the token a configuration gets: a changed URL, client, user or scope needs a new token. */
export function configKey(config: OAuthConfig): string {
  const key: string[] = [config.grant, config.tokenUrl, config.clientId, config.scope ?? '', config.username ?? ''];
  if (config.authUrl) key.push(config.authUrl);
  if (config.deviceAuthUrl) key.push(config.deviceAuthUrl);
  return JSON.stringify(key);
}

/** `"PKCE": true` (S256), `false`/absent (none), or `{ "Code Challenge Method": "S256" | "Plain", "Code Verifier": "…" }`. */
function pkceConfig(value: unknown, text: (field: string, value: unknown) => string | undefined, fail: (what: string) => Error): PkceConfig | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (value === true) return { method: 'S256' };
  if (typeof value !== 'object' || Array.isArray(value)) throw fail('"PKCE" must be true, false or { "Code Challenge Method": "S256" }');
  const fields = value as Record<string, unknown>;
  const methodText = (text('PKCE.Code Challenge Method', fields['Code Challenge Method']) ?? 'S256').toLowerCase();
  const method = methodText === 's256' || methodText === 'sha-256' ? 'S256' : methodText === 'plain' ? 'plain' : undefined;
  if (!method) throw fail(`"PKCE": "Code Challenge Method" must be "S256" or "Plain" (found "${methodText}")`);
  const verifier = text('PKCE.Code Verifier', fields['Code Verifier']);
  // RFC 7636 4.1: 43 to 128 characters of [A-Za-z0-9-._~].
  if (verifier !== undefined && !/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) throw fail('"PKCE": "Code Verifier" must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636)');
  return verifier === undefined ? { method } : { method, verifier };
}

function dropUndefined(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
