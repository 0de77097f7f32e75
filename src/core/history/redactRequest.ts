import { bodyPreviewStrict } from '../http/bodyPreview';
import { isStreamedBody } from '../http/bodySource';
import type { HeaderList, OutgoingRequest, StreamedBody } from '../http/types';
import { redactHeaderValue } from '../util/redactHeaders';
import { redactUrl } from '../util/redactUrl';
import { looksSecret, REDACTED } from '../variables/redactSecrets';

/** A piece of a stored body: text as it was sent, or a file that was streamed from disk (read again on a re-send). */
export type StoredBodyPart = { text: string } | { file: string; displayPath: string };

/**
 * A sent request as kept in the history: credentials masked, the body only when it is short text. Every
 * text in it (URL, headers, body) is literal: a re-send expands no `{{…}}` and reads no `< path` from it.
 */
export interface StoredRequest {
  method: string;
  url: string;
  headers: HeaderList;
  /**
   * UTF-8 body text with secret-looking form fields and JSON keys masked, for display; a file streamed from
   * disk shows as its `< path` line. Without `parts` it is the body re-sent, as literal text. Absent when
   * empty, binary or long.
   */
  body?: string;
  /** Only when a file was streamed: the body in order as text and file pieces, so a re-send reads those files again. */
  parts?: StoredBodyPart[];
  /** True when a body was sent but not kept (binary, or longer than MAX_STORED_BODY). */
  bodyOmitted?: boolean;
  /**
   * Headers that carried an OAuth2 token, as written (`Authorization: Bearer {{$auth.token("api")}}`; see
   * authHeaderTemplates): their sent values are masked in `headers`, and a re-send resolves the token anew.
   */
  authHeaders?: HeaderList;
}

/** Bodies longer than this many bytes (counting a streamed file as its `< path` line) are not kept in the history. */
export const MAX_STORED_BODY = 16 * 1024;

/**
 * `request` with credentials masked by the one rule the log and the CLI use (redactHeaderValue, redactUrl):
 * Authorization/Proxy-Authorization (a known scheme word kept), Cookie and Set-Cookie values, secret-looking
 * headers; secret-looking query values and the URL's password; in form and JSON bodies, the values of
 * secret-looking fields.
 */
export function redactRequest(request: OutgoingRequest): StoredRequest {
  const headers = request.headers.map(([name, value]): [string, string] => [name, redactHeaderValue(name, value)]);
  const stored: StoredRequest = { method: request.method, url: redactUrl(request.url), headers };
  if (!request.body?.length) return stored;
  const body = request.body;
  const text = isStreamedBody(body) || body.length <= MAX_STORED_BODY ? bodyPreviewStrict(body) : undefined;
  if (text === undefined || Buffer.byteLength(text) > MAX_STORED_BODY) return { ...stored, bodyOmitted: true };
  const type = (headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '').toLowerCase();
  if (!isStreamedBody(body)) return { ...stored, body: redactBody(text, type) };
  return { ...stored, body: redactBody(text, type), parts: storedParts(body, type) };
}

function storedParts(body: StreamedBody, contentType: string): StoredBodyPart[] {
  // Each byte segment decodes on its own: segments break only at file boundaries, and the whole was strict UTF-8.
  return body.segments.map((segment) => segment instanceof Uint8Array
    ? { text: redactBody(new TextDecoder().decode(segment), contentType) }
    : { file: segment.path, displayPath: segment.displayPath });
}

function redactBody(text: string, contentType: string): string {
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    return text.split('&').map((piece) => {
      const eq = piece.indexOf('=');
      return eq >= 0 && looksSecret(decodeSafely(piece.slice(0, eq))) ? `${piece.slice(0, eq)}=${encodeURIComponent(REDACTED)}` : piece;
    }).join('&');
  }
  if (contentType.includes('json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      const redacted = JSON.stringify(redactJson(parsed));
      // Kept as written when nothing was masked, so a re-send sends the same bytes.
      return redacted === JSON.stringify(parsed) ? text : redacted;
    } catch {
      return text;
    }
  }
  return text;
}

function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, looksSecret(key) && typeof inner !== 'object' ? REDACTED : redactJson(inner)]));
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
