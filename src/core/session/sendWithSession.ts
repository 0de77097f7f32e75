import { HttpSessionError } from '../errors';
import { getAll, getHeader, removeHeader } from '../http/headerList';
import { sendHop } from '../http/sendHop';
import type { HopResult } from '../http/sendHop';
import type { CookieView, Exchange, Hop, OutgoingRequest, RejectedCookie } from '../http/types';
import { parseCookiePairs, withCookieHeader } from './cookiePairs';
import type { CookiePair } from './cookiePairs';
import { REDIRECT_STATUSES, redirectRequest } from './redirectRequest';
import type { Session } from './session';
import type { TlsFiles, TlsProfile } from '../tls/tlsProfile';

/** Per-request options for sendWithSession. */
export interface SendOptions {
  followRedirects: boolean;
  /** Redirects followed at most (so at most maxRedirects + 1 requests). */
  maxRedirects: number;
  /** Whole exchange timeout in ms, all hops together; 0 = none. */
  timeoutMs: number;
  /** Body cap per hop in bytes. */
  maxBodyBytes: number;
  /** Verify TLS; false uses the session's separate insecure pool. */
  rejectUnauthorized: boolean;
  /** Offer HTTP/2 (ALPN) on https hops, through the session's separate HTTP/2 pool. Default false. */
  http2?: boolean;
  /** The client certificate and CAs for a hop's URL (a redirect to another host may need other ones); undefined = Node's defaults. */
  tlsFor?: (url: URL) => Promise<TlsProfile | undefined>;
  /** The files behind `tlsFor` for a URL, not read (Copy as cURL names them); set with it. */
  tlsFiles?: (url: URL) => TlsFiles;
  /** false for `# @no-cookie-jar`: no jar cookies sent, nothing stored. Default true. */
  useCookieJar?: boolean;
  /** The first hop's Cookie pairs when the caller just computed them (Session.cookiePairsToSend); later hops always ask the jar. */
  firstHopCookies?: CookiePair[];
  signal?: AbortSignal;
}

/**
 * Sends `request` (headers already merged, its own Cookie header included) through `session`, following
 * redirects hop by hop (session.md "Redirects"): each hop's Set-Cookie stored before the next, the Cookie
 * header computed afresh per hop, credentials dropped across origins. Never throws: failures are in `error`.
 */
export async function sendWithSession(session: Session, request: OutgoingRequest, options: SendOptions): Promise<Exchange> {
  const started = performance.now();
  const useJar = options.useCookieJar !== false;
  const ownPairs = parseCookiePairs(getAll(request.headers, 'cookie'));
  // Parsed only when a redirect asks which origin a later hop goes to.
  let firstOrigin: string | undefined;
  const exchange: Exchange = { hops: [], cookies: { sent: [], stored: [], rejected: [] }, timings: { totalMs: 0 } };
  let current: OutgoingRequest = { ...request, headers: removeHeader(request.headers, 'cookie') };
  let credentialsDropped = false;
  try {
    for (;;) {
      const pairs = exchange.hops.length === 0 && options.firstHopCookies
        ? options.firstHopCookies
        : await session.cookiePairsToSend(current.url, new URL(current.url).origin === (firstOrigin ??= new URL(request.url).origin) ? ownPairs : [], useJar);
      const sent = withCookieHeader(current, pairs);
      if (exchange.hops.length === 0) exchange.cookies.sent = pairs.map((p) => ({ ...p }));
      const target = new URL(sent.url);
      const tls = target.protocol === 'https:' ? await options.tlsFor?.(target) : undefined;
      const pool = { insecure: !options.rejectUnauthorized, http2: options.http2 === true && target.protocol === 'https:', ...(tls ? { tls } : {}) };
      if (tls?.certificateSource) session.noteCertificateInUse(target.host, tls.certificateSource);
      const hop = await sendHop(session.dispatcher(pool), sent, {
        ...(tls?.certificateSource ? { clientCertificate: tls.certificateSource } : {}),
        timeoutMs: remaining(started, options.timeoutMs),
        // The user set the exchange's timeout; a message naming only what was left of it would confuse.
        reportedTimeoutMs: options.timeoutMs,
        maxBodyBytes: options.maxBodyBytes,
        rejectUnauthorized: options.rejectUnauthorized,
        signal: options.signal,
      });
      exchange.hops.push(toHop(sent, hop));
      if (useJar) await storeCookies(session, hop, sent.url, exchange.cookies);
      const location = getHeader(hop.headers, 'location');
      if (!options.followRedirects || !REDIRECT_STATUSES.has(hop.status) || location === undefined) {
        exchange.response = toResponse(hop);
        exchange.timings = { totalMs: performance.now() - started, ...hop.timings };
        return exchange;
      }
      if (exchange.hops.length > options.maxRedirects) throw tooManyRedirects(exchange.hops, options.maxRedirects);
      ({ request: current, credentialsDropped } = redirectRequest(current, hop.status, location, credentialsDropped));
    }
  } catch (error) {
    exchange.error = error instanceof HttpSessionError
      ? error
      : new HttpSessionError('UNKNOWN', `The request to ${current.url} failed: ${error instanceof Error ? error.message : String(error)}`, undefined, error);
    exchange.timings = { totalMs: performance.now() - started };
    return exchange;
  } finally {
    if (exchange.cookies.stored.length > 0) session.notifyChanged();
  }
}

/** Stores each Set-Cookie value separately (never joined), collecting what was stored and what was refused. */
async function storeCookies(
  session: Session,
  hop: HopResult,
  url: string,
  into: { stored: CookieView[]; rejected: RejectedCookie[] },
): Promise<void> {
  for (const header of getAll(hop.headers, 'set-cookie')) {
    const { stored, rejected } = await session.storeSetCookie(header, url);
    if (stored) into.stored.push(stored);
    if (rejected) into.rejected.push(rejected);
  }
}

function remaining(started: number, timeoutMs: number): number {
  if (timeoutMs <= 0) return 0;
  const left = Math.round(timeoutMs - (performance.now() - started));
  if (left <= 0) throw new HttpSessionError('TIMEOUT', `No response within ${timeoutMs} ms (the redirects used it up).`);
  return left;
}

function toHop(request: OutgoingRequest, hop: HopResult): Hop {
  return { request, status: hop.status, statusText: hop.statusText, headers: hop.headers };
}

function toResponse(hop: HopResult): NonNullable<Exchange['response']> {
  const contentType = (getHeader(hop.headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  return {
    status: hop.status,
    statusText: hop.statusText,
    httpVersion: hop.httpVersion,
    headers: hop.headers,
    body: hop.body,
    truncated: hop.truncated,
    contentType,
  };
}

function tooManyRedirects(hops: Hop[], max: number): HttpSessionError {
  const chain = hops.map((hop) => `${hop.request.url} (${hop.status})`).join(' → ');
  return new HttpSessionError('TOO_MANY_REDIRECTS', `More than ${max} redirects: ${chain}.`);
}
