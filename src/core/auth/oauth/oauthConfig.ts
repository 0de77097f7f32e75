import { basename } from 'node:path';
import { HttpSessionError } from '../../errors';
import type { RawAuthConfig } from './authConfigs';

/** The OAuth2 grants a token can be fetched with without a browser. */
export type OAuthGrant = 'client_credentials' | 'password';

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
  /** `"Client Credentials": "in body"`: id and secret as form fields; otherwise HTTP Basic (RFC 6749 2.3.1). */
  credentialsInBody: boolean;
  /** The environment files it came from, for messages: `http-client.env.json, http-client.private.env.json`. */
  where: string;
}

const GRANTS: Record<string, OAuthGrant> = { 'client credentials': 'client_credentials', password: 'password' };
const BROWSER_GRANTS = new Set(['authorization code', 'implicit', 'device authorization']);

/**
 * Checks an auth configuration and expands `{{…}}` in its string fields with `expand`. Throws an
 * ENVIRONMENT error naming the configuration and its environment file(s) for anything missing or unknown.
 */
export function oauthConfig(name: string, raw: RawAuthConfig, expand: (text: string) => string): OAuthConfig {
  const where = raw.files.map((file) => basename(file)).join(', ');
  const fail = (what: string): HttpSessionError =>
    new HttpSessionError('ENVIRONMENT', `Auth configuration '${name}' (${where}): ${what}`, { file: raw.files[raw.files.length - 1], line: 0 });
  const text = (field: string): string | undefined => {
    const value = raw.fields[field];
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
    if (BROWSER_GRANTS.has(grantText)) throw fail(`the "${text('Grant Type')}" grant is not supported yet; use "Client Credentials" or "Password"`);
    throw fail(`"Grant Type" must be "Client Credentials" or "Password" (found ${grantText ? `"${text('Grant Type')}"` : 'none'})`);
  }
  const required = (field: string): string => text(field) ?? (() => { throw fail(`"${field}" is missing`); })();
  const tokenUrl = required('Token URL');
  if (!/^https?:\/\//i.test(tokenUrl)) throw fail(`"Token URL" must be an http(s) URL (found "${tokenUrl}")`);
  const config: OAuthConfig = {
    name,
    grant,
    tokenUrl,
    clientId: required('Client ID'),
    credentialsInBody: (text('Client Credentials') ?? '').toLowerCase() === 'in body',
    where,
  };
  const optional = { clientSecret: text('Client Secret'), scope: text('Scope') };
  Object.assign(config, dropUndefined(optional));
  if (grant === 'password') Object.assign(config, { username: required('Username'), password: required('Password') });
  return config;
}

/** What identifies the token a configuration gets: a changed URL, client, user or scope needs a new token. */
export function configKey(config: OAuthConfig): string {
  return JSON.stringify([config.grant, config.tokenUrl, config.clientId, config.scope ?? '', config.username ?? '']);
}

function dropUndefined(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
