import type { HeaderList } from '../http/types';
import { looksSecret, REDACTED } from '../variables/redactSecrets';

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
// Only a known scheme word is kept: in `Authorization: s3cret` the first word is the secret itself.
const AUTH_SCHEME = /^(basic|bearer|digest|negotiate|ntlm|aws4-hmac-sha256|hawk|token|apikey)$/i;

/**
 * Header lines (`Name: value`) for a log, with credentials hidden (redactHeaderValue) unless `reveal` (trace level).
 */
export function redactHeaders(headers: HeaderList, reveal = false): string[] {
  return headers.map(([name, value]) => `${name}: ${reveal ? value : redactHeaderValue(name, value)}`);
}

/**
 * The one rule for a header value that may carry credentials (the editor's log, the CLI, the history), the
 * hidden parts replaced by the one mask (REDACTED):
 * Authorization and Proxy-Authorization keep only a known scheme word, Cookie keeps the cookie names,
 * Set-Cookie keeps the name and attributes, and any other header whose name looks secret (X-Api-Key,
 * X-Auth-Token, …) is hidden whole. Pure: no I/O.
 */
export function redactHeaderValue(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === 'authorization' || lower === 'proxy-authorization') {
    const [scheme, ...rest] = value.trim().split(/\s+/);
    return AUTH_SCHEME.test(scheme) && rest.length > 0 ? `${scheme} ${REDACTED}` : REDACTED;
  }
  if (lower === 'cookie') return value.split(';').map((pair) => redactPair(pair)).filter(Boolean).join('; ');
  if (lower === 'set-cookie') {
    const semicolon = value.indexOf(';');
    const pair = semicolon < 0 ? value : value.slice(0, semicolon);
    return `${redactPair(pair)}${semicolon < 0 ? '' : value.slice(semicolon)}`;
  }
  // A secret-looking name may catch a harmless header too (Sec-WebSocket-Key); hiding one value too many is the safe side.
  if (!CREDENTIAL_HEADERS.has(lower) && secretHeaderName(lower)) return REDACTED;
  return value;
}

/** looksSecret per lower-case header name, asked once per name (the same few names come with every request). */
const secretNames = new Map<string, boolean>();

function secretHeaderName(lower: string): boolean {
  let secret = secretNames.get(lower);
  if (secret === undefined) {
    secret = looksSecret(lower.replace(/^x-/, ''));
    // Bounded, as the extension host lives long and header names are the server's to choose.
    if (secretNames.size < 1000) secretNames.set(lower, secret);
  }
  return secret;
}

/** `name=value` → `name=••••••`; a piece without `=` is all value (browsers read it so), hidden whole. */
function redactPair(pair: string): string {
  const text = pair.trim();
  if (!text) return '';
  const eq = text.indexOf('=');
  return eq < 0 ? REDACTED : `${text.slice(0, eq).trim()}=${REDACTED}`;
}
