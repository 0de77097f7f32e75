import { prettyJsonChunks } from './prettyJsonChunks';
import { prettyJsonText } from '../core/util/prettyJsonText';

/** How a response body reads as text: decoded text, or undefined for binary content. */
export interface BodyText {
  /** The body as text; undefined when the body is binary. */
  text?: string;
  binary: boolean;
}

const BINARY_TYPES = /^(image|audio|video|font)\/|^application\/(octet-stream|pdf|zip|gzip|x-tar|wasm|protobuf|x-protobuf)$/;
const textDecoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes `body` as UTF-8 unless its media type is binary or it is not valid UTF-8 text (NULs, bad bytes). */
export function bodyText(body: Uint8Array, contentType: string): BodyText {
  if (BINARY_TYPES.test(contentType) && !contentType.endsWith('svg+xml')) return { binary: true };
  let text: string;
  try {
    text = textDecoder.decode(body);
  } catch {
    return { binary: true };
  }
  if (text.includes('\u0000')) return { binary: true };
  return { text, binary: false };
}

/**
 * The body for a terminal: JSON pretty-printed (2 spaces, numbers and strings exactly as sent), other text and
 * JSON that is not one valid value as is, binary as "<N bytes of TYPE>".
 */
export function prettyBody(body: Uint8Array, contentType: string): string {
  const decoded = bodyText(body, contentType);
  if (decoded.text === undefined) return `<${body.length} bytes of ${contentType || 'binary data'}>`;
  if (isJsonType(contentType)) return prettyJsonText(decoded.text) ?? decoded.text;
  return decoded.text;
}

/** JSON bodies above this many bytes are pretty-printed token by token instead of parsed (memory stays flat). */
const STREAMED_JSON_BYTES = 1024 * 1024;

/** The body for a terminal as chunks to print one after another (one chunk unless it is a large JSON body). */
export function prettyBodyChunks(body: Uint8Array, contentType: string): Iterable<string> {
  if (isJsonType(contentType) && body.length > STREAMED_JSON_BYTES) return prettyJsonChunks(body);
  return [prettyBody(body, contentType)];
}

function isJsonType(contentType: string): boolean {
  return contentType === 'application/json' || contentType.endsWith('+json') || contentType === 'text/json';
}

/** A byte count for people: 345 B, 1.2 KB, 3.4 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
