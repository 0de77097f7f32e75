import { isBinaryBody } from '../core/http/isBinaryBody';
import { isJsonValue, prettyJsonChunks, prettyJsonText } from '../core/util/prettyJson';

/** How a response body reads as text: decoded text, or undefined for binary content. */
export interface BodyText {
  /** The body as text; undefined when the body is binary. */
  text?: string;
  binary: boolean;
}

const textDecoder = new TextDecoder('utf-8');

/** Decodes `body` as UTF-8 unless it is binary by the one rule (isBinaryBody: media type, NULs, bad bytes). */
export function bodyText(body: Uint8Array, contentType: string): BodyText {
  if (isBinaryBody(body, contentType)) return { binary: true };
  return { text: textDecoder.decode(body), binary: false };
}

/**
 * The body for a terminal: JSON pretty-printed (2 spaces, numbers and strings exactly as sent), other text and
 * JSON that is not one valid value as is, binary as "<N bytes of TYPE>".
 */
export function prettyBody(body: Uint8Array, contentType: string): string {
  return [...prettyBodyChunks(body, contentType)].join('\n');
}

/** JSON bodies above this many bytes are checked first, then printed in chunks (their whole pretty text is never held). */
const STREAMED_JSON_BYTES = 1024 * 1024;

/** The body for a terminal (prettyBody) as chunks to print one after another, a line break between each. */
export function prettyBodyChunks(body: Uint8Array, contentType: string): Iterable<string> {
  const decoded = bodyText(body, contentType);
  if (decoded.text === undefined) return [`<${body.length} bytes of ${contentType || 'binary data'}>`];
  if (!isJsonType(contentType)) return [decoded.text];
  if (body.length <= STREAMED_JSON_BYTES) return [prettyJsonText(decoded.text) ?? decoded.text];
  return isJsonValue(decoded.text) ? prettyJsonChunks(decoded.text) : [decoded.text];
}

function isJsonType(contentType: string): boolean {
  return contentType === 'application/json' || contentType.endsWith('+json') || contentType === 'text/json';
}
