import { EventEmitter } from 'node:events';
import { STATUS_CODES } from 'node:http';
import { pipeline, type Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { HttpSessionError } from '../errors';
import { bodySource, isStreamedBody } from './bodySource';
import { connectionFactsOf } from './connectionFacts';
import { decodersFor } from './decodeBody';
import { getHeader } from './headerList';
import { mapTransportError, type FailureContext } from './mapTransportError';
import { readCapped } from './readCapped';
import { undiciRequest } from './undiciParts';
import type { HeaderList, OutgoingRequest, ResponseData, TransportOptions } from './types';

/** What one hop returned (the final response's fields but its media type, plus timings); redirects are not followed here. */
export interface HopResult extends Omit<ResponseData, 'contentType'> {
  /** ms from the start of the hop to the response headers, and ms spent reading the body. */
  timings: { headersMs: number; bodyMs: number };
}

/** Parses and checks the URL: only http and https are sent. */
function targetUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (err) {
    throw new HttpSessionError('INVALID_URL', `Not a valid URL: ${raw}`, undefined, err);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HttpSessionError('UNSUPPORTED_SCHEME', `Only http and https URLs can be sent; got ${url.protocol} in ${raw}`);
  }
  return url;
}

/** undici's flat [name, value, name, value, …] form, keeping repeats and order. */
function flatHeaders(headers: HeaderList): string[] {
  return headers.flatMap(([name, value]) => [name, value]);
}

/** Raw response headers (flat array, original case) as a HeaderList; repeated Set-Cookie stay separate. */
function headerListFrom(raw: unknown): HeaderList {
  const list: HeaderList = [];
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) list.push([String(raw[i]), String(raw[i + 1])]);
    return list;
  }
  for (const [name, value] of Object.entries((raw ?? {}) as Record<string, string | string[] | undefined>)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) list.push([name, v]);
  }
  return list;
}

/**
 * The abort signal undici gets for one hop, fed by the caller's signal and the whole-hop timer: an
 * EventEmitter (undici takes one in place of an AbortSignal), as an AbortController and its EventTarget
 * cost every request several times as much.
 */
class HopSignal extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort');
  }
}

function hopAbort(options: TransportOptions, ctx: FailureContext): { signal: HopSignal; dispose(): void } {
  const signal = new HopSignal();
  const onCancel = (): void => { ctx.cancelled = true; signal.abort(options.signal?.reason); };
  if (options.signal?.aborted) onCancel();
  else options.signal?.addEventListener('abort', onCancel, { once: true });
  const timer = options.timeoutMs > 0
    ? setTimeout(() => { ctx.timedOut = true; signal.abort(new Error('timeout')); }, options.timeoutMs)
    : undefined;
  return {
    signal,
    dispose: () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCancel);
    },
  };
}

/**
 * Sends one request over `dispatcher` and reads the decoded body up to the cap; `options.timeoutMs`
 * bounds the whole hop (headers and body). Throws HttpSessionError (REFUSED, DNS, TLS, TIMEOUT,
 * CANCELLED, RESET, PROTOCOL, DECODE, UNSUPPORTED_SCHEME, …) when no complete response arrives, and
 * BODY_FILE when a file of a streamed body cannot be read or changed size since the request was built.
 */
export async function sendHop(dispatcher: Dispatcher, req: OutgoingRequest, options: TransportOptions): Promise<HopResult> {
  const url = targetUrl(req.url);
  if (options.signal?.aborted) throw new HttpSessionError('CANCELLED', 'Request cancelled.', undefined, options.signal.reason);
  const ctx: FailureContext = { url, phase: 'headers', timedOut: false, cancelled: false, timeoutMs: options.reportedTimeoutMs ?? options.timeoutMs,
    ...(options.clientCertificate ? { clientCertificate: options.clientCertificate } : {}) };
  const abort = hopAbort(options, ctx);
  const started = performance.now();
  const wire = wireBody(req);
  try {
    const response = await undiciRequest(dispatcher, {
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: req.method as Dispatcher.HttpMethod,
      headers: wire.headers,
      body: wire.body,
      signal: abort.signal,
      responseHeaders: 'raw',
    });
    const headersAt = performance.now();
    ctx.phase = 'body';
    const headers = headerListFrom(response.headers);
    const decoders = decodersFor(getHeader(headers, 'content-encoding'));
    const source: Readable = decoders && decoders.length > 0
      ? pipeline([response.body, ...decoders], () => undefined) as unknown as Readable
      : response.body;
    const declared = decoders && decoders.length > 0 ? undefined : declaredBodyBytes(headers, req.method, response.statusCode);
    const { body, truncated } = await readCapped(source, options.maxBodyBytes, declared);
    if (truncated) response.body.destroy();
    // undici marks the connection idle a tick after the body ends; a caller's next request sent before
    // that would make the pool open a second connection instead of reusing this one.
    await new Promise((resolve) => setImmediate(resolve));
    return {
      status: response.statusCode,
      statusText: (response as { statusText?: string }).statusText || STATUS_CODES[response.statusCode] || '',
      httpVersion: negotiatedVersion(dispatcher, url),
      headers,
      body,
      truncated,
      timings: { headersMs: headersAt - started, bodyMs: performance.now() - headersAt },
    };
  } catch (err) {
    ctx.tlsAlert = connectionFactsOf(dispatcher)?.alertOn((err as { socket?: { localPort?: number } }).socket?.localPort);
    throw mapTransportError(err, ctx);
  } finally {
    abort.dispose();
    // A body stream not read to its end (the server answered early, or the hop failed) must not keep its file open.
    if (wire.body && !Buffer.isBuffer(wire.body)) wire.body.destroy();
  }
}

/**
 * The HTTP version the response really came over: '2' when the TLS handshake of the pool's connection to
 * this origin chose `h2` by ALPN (undici then speaks HTTP/2 on it), else '1.1'.
 */
function negotiatedVersion(dispatcher: Dispatcher, url: URL): string {
  return connectionFactsOf(dispatcher)?.protocolOf(url.origin) === 'h2' ? '2' : '1.1';
}

/**
 * The flat headers and the body undici sends. A StreamedBody goes as a fresh stream with Content-Length
 * added, so the server gets a length rather than chunked encoding (unless the request sets either itself).
 */
function wireBody(req: OutgoingRequest): { headers: string[]; body?: Buffer | Readable } {
  const headers = flatHeaders(req.headers);
  const body = req.body;
  if (!body || body.length === 0) return { headers };
  if (!isStreamedBody(body)) return { headers, body: Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
  const framed = getHeader(req.headers, 'content-length') !== undefined || getHeader(req.headers, 'transfer-encoding') !== undefined;
  return { headers: framed ? headers : [...headers, 'Content-Length', String(body.length)], body: bodySource(body) };
}

/** The body size a response's Content-Length declares, when its body is that long (not for HEAD, 204 or 304). */
function declaredBodyBytes(headers: HeaderList, method: string, status: number): number | undefined {
  if (method.toUpperCase() === 'HEAD' || status === 204 || status === 304) return undefined;
  const value = getHeader(headers, 'content-length');
  if (value === undefined || !/^\d{1,15}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
