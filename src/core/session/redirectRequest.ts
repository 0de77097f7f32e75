import { HttpSessionError } from '../errors';
import type { HeaderList, OutgoingRequest } from '../http/types';

/** Status codes the engine follows. */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization']);
const BODY_HEADERS = new Set(['content-type', 'content-length', 'transfer-encoding']);

/** The next hop of a redirect chain, and whether credentials are gone for the rest of it. */
export interface RedirectStep {
  request: OutgoingRequest;
  credentialsDropped: boolean;
}

/**
 * Builds the request for the next hop after a `status` response with `location` (session.md "Redirects"):
 * method rewriting, body dropped when the method changes, credentials dropped across host/port/scheme
 * (and kept dropped). Throws UNSUPPORTED_SCHEME for a non-http(s) Location, PROTOCOL for one that is no URL.
 */
export function redirectRequest(previous: OutgoingRequest, status: number, location: string, credentialsDropped: boolean): RedirectStep {
  let target: URL;
  try {
    target = new URL(location, previous.url);
  } catch {
    throw new HttpSessionError('PROTOCOL', `The redirect from ${previous.url} points at "${location}", which is not a URL.`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new HttpSessionError('UNSUPPORTED_SCHEME', `The redirect from ${previous.url} points at ${target.href}; only http and https are followed.`);
  }
  const method = redirectMethod(previous.method, status);
  const from = new URL(previous.url);
  const drop = credentialsDropped || !keepsCredentials(from, target);
  const sameHost = from.host === target.host && from.protocol === target.protocol;
  const headers: HeaderList = previous.headers.filter(([name]) => {
    const key = name.toLowerCase();
    if (drop && CREDENTIAL_HEADERS.has(key)) return false;
    if (method !== previous.method && BODY_HEADERS.has(key)) return false;
    // A written Host header names the first host; it must not follow the chain elsewhere.
    return !(key === 'host' && !sameHost);
  });
  const body = method === previous.method ? previous.body : undefined;
  return { request: { method, url: target.href, headers, ...(body ? { body } : {}) }, credentialsDropped: drop };
}

/** 303 → GET (HEAD stays HEAD); 301/302 turn POST into GET; everything else keeps its method. */
export function redirectMethod(method: string, status: number): string {
  if (status === 303) return method === 'HEAD' ? 'HEAD' : 'GET';
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  return method;
}

/** Credentials survive only the same scheme, host and port, or http→https on the same host with default ports. */
export function keepsCredentials(from: URL, to: URL): boolean {
  if (from.hostname !== to.hostname) return false;
  if (from.protocol === to.protocol) return from.port === to.port;
  // URL drops default ports, so '' means 80 for http and 443 for https.
  return from.protocol === 'http:' && to.protocol === 'https:' && from.port === '' && to.port === '';
}
