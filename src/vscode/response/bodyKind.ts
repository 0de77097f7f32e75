import { isBinaryBody } from '../../core/http/isBinaryBody';
import type { BodyKind } from '../../shared/protocol';

const TEXT_TYPES = /^(text\/|application\/(x-www-form-urlencoded|javascript|ecmascript|graphql|yaml|x-yaml|x-ndjson|ld\+json|problem\+json))/;

/**
 * How a response body of `contentType` (lower case, no parameters) with these bytes should be shown; binary
 * by the one rule (isBinaryBody, given the whole Content-Type `header` for its charset), images as images.
 */
export function bodyKind(contentType: string, body: Uint8Array, header = contentType): BodyKind {
  if (body.length === 0) return 'none';
  if (contentType.startsWith('image/')) return 'image';
  if (isBinaryBody(body, header)) return 'binary';
  if (contentType === 'application/json' || contentType.endsWith('+json')) return 'json';
  if (/^(application|text)\/xml$/.test(contentType) || contentType.endsWith('+xml')) return 'xml';
  if (contentType === 'text/html' || contentType === 'application/xhtml+xml') return 'html';
  if (TEXT_TYPES.test(contentType)) return 'text';
  return sniffText(body);
}

/** Untyped text that starts like JSON or XML is shown as such. */
function sniffText(body: Uint8Array): BodyKind {
  const start = new TextDecoder().decode(body.subarray(0, 64)).trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (start.startsWith('<?xml')) return 'xml';
  if (/^<!doctype html|^<html/i.test(start)) return 'html';
  return 'text';
}

/** Decodes the body with the charset of the Content-Type header (UTF-8 when absent or unknown). */
export function decodeBody(body: Uint8Array, contentTypeHeader: string | undefined): string {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentTypeHeader ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
