import { bodyPreview } from '../../core/http/bodyPreview';
import { refNotices } from '../../core/runner/refResults';
import { bodyLength } from '../../core/http/bodySource';
import type { CookieView, Exchange, Hop } from '../../core/http/types';
import { requestName } from '../../core/runner/requestLabel';
import type { RunResult } from '../../core/runner/types';
import { cookieFlags } from '../../shared/cookieText';
import type { CookieRow, ErrorModel, HopView, ResponseModel } from '../../shared/protocol';
import { bodyKind, decodeBody } from './bodyKind';
import { buildTestsView } from './testsView';

/** Body text sent with the first message, in UTF-16 units (64 K): several screens, and quick to lay out as one wrapped line. */
export const FIRST_CHUNK_CHARS = 64 * 1024;
/** Above this body size in bytes (2 MB) pretty-printing is off and the body is sent in chunks. */
export const PRETTY_LIMIT_BYTES = 2 * 1024 * 1024;
/** Images above this size in bytes (10 MB) are shown as binary (size plus save). */
const IMAGE_LIMIT_BYTES = 10 * 1024 * 1024;
/** Longest request title used as a label (the panel's tab), in characters. */
const LABEL_CHARS = 40;
/** Request body preview length in the Request tab, in bytes. */
const REQUEST_PREVIEW_BYTES = 4096;

/** A response turned into what the view shows, plus the whole body text for later chunks and actions. */
export interface BuiltModel {
  model: ResponseModel;
  /** Whole decoded body text ('' for images, binary and empty bodies). */
  bodyText: string;
}

/** The request label (core requestName: `@name`, else `###` title) short enough for a tab, else method and path. */
export function requestLabel(result: Pick<RunResult, 'request'>): string {
  const { request } = result;
  const name = requestName(request);
  if (name) return name.length > LABEL_CHARS && !request.name ? `${name.slice(0, LABEL_CHARS)}…` : name;
  return `${request.method} ${pathOf(request.url)}`;
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

/** Builds the view model for a result that has a response. */
export function buildResponseModel(id: number, result: RunResult, exchange: Exchange): BuiltModel {
  const response = exchange.response!;
  const contentTypeHeader = response.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  let kind = bodyKind(response.contentType, response.body, contentTypeHeader);
  if (kind === 'image' && response.body.length > IMAGE_LIMIT_BYTES) kind = 'binary';
  const textual = kind !== 'image' && kind !== 'binary' && kind !== 'none';
  const bodyText = textual ? decodeBody(response.body, contentTypeHeader) : '';
  const prettyOff = response.body.length > PRETTY_LIMIT_BYTES;
  let bodyStart = prettyOff ? bodyText.slice(0, FIRST_CHUNK_CHARS) : bodyText;
  if (kind === 'image') bodyStart = `data:${response.contentType};base64,${Buffer.from(response.body).toString('base64')}`;
  const model: ResponseModel = {
    id,
    label: requestLabel(result),
    status: response.status,
    statusText: response.statusText,
    httpVersion: response.httpVersion,
    durationMs: exchange.timings.totalMs,
    headersMs: exchange.timings.headersMs,
    bodyMs: exchange.timings.bodyMs,
    ...(exchange.timings.tries ? { tries: exchange.timings.tries } : {}),
    size: response.body.length,
    truncated: response.truncated,
    contentType: response.contentType,
    headers: response.headers,
    kind,
    bodyStart,
    bodyTextLength: kind === 'image' ? bodyStart.length : bodyText.length,
    prettyOff,
    cookiesSent: exchange.cookies.sent.map((c) => ({ name: c.name, value: c.value })),
    cookiesStored: exchange.cookies.stored.map(cookieRow),
    cookiesRejected: exchange.cookies.rejected,
    hops: exchange.hops.map(hopView),
    warnings: [...refNotices(result), ...result.warnings],
    tests: buildTestsView(result),
  };
  return { model, bodyText };
}

/** Builds the view model for a result without a response (nothing sent, or the exchange failed). */
export function buildErrorModel(id: number, result: RunResult): ErrorModel {
  const error = result.error ?? result.exchange?.error;
  return {
    id,
    label: requestLabel(result),
    code: error?.code ?? 'UNKNOWN',
    message: error ? error.describe() : 'The request did not complete.',
    hops: result.exchange?.hops.length ? result.exchange.hops.map(hopView) : [attemptedHop(result)],
    durationMs: result.exchange?.timings.totalMs,
    warnings: [...refNotices(result), ...result.warnings],
    tests: buildTestsView(result),
  };
}

/** The request as written, when nothing reached the wire (variables may still be unresolved). */
function attemptedHop(result: RunResult): HopView {
  const { request } = result;
  return {
    method: request.method,
    url: request.url,
    headers: request.headers.map((h) => [h.name, h.value]),
    bodyPreview: '',
    bodySize: 0,
    status: 0,
    statusText: '',
    responseHeaders: [],
  };
}

/** A cookie row with its attributes in words. */
export function cookieRow(cookie: CookieView): CookieRow {
  return { name: cookie.name, value: cookie.value, domain: cookie.domain, path: cookie.path, expires: cookie.expires, flags: cookieFlags(cookie).join(' ') };
}

/** A hop as the Request tab shows it: what was sent, then what came back. */
export function hopView(hop: Hop): HopView {
  const body = hop.request.body;
  return {
    method: hop.request.method,
    url: hop.request.url,
    headers: hop.request.headers,
    bodyPreview: body ? bodyPreview(body, REQUEST_PREVIEW_BYTES) : '',
    bodySize: bodyLength(body),
    status: hop.status,
    statusText: hop.statusText,
    responseHeaders: hop.headers,
  };
}
