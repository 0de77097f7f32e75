import type { OutgoingBody } from './types';

/**
 * The body as text for display and history: bytes decoded as UTF-8 (invalid sequences replaced), each
 * streamed file as its own `< path` line as written in the `.http` file, so the text sent again re-reads it.
 * At most `maxBytes` bytes of the body's own bytes are decoded.
 */
export function bodyPreview(body: OutgoingBody, maxBytes = Number.POSITIVE_INFINITY): string {
  const decoder = new TextDecoder();
  if (body instanceof Uint8Array) return decoder.decode(body.subarray(0, maxBytes));
  let left = maxBytes;
  let text = '';
  for (const segment of body.segments) {
    if (left <= 0) break;
    if (segment instanceof Uint8Array) {
      text += decoder.decode(segment.subarray(0, left));
      left -= segment.length;
    } else {
      const line = `< ${segment.displayPath}`;
      text += line;
      left -= line.length;
    }
  }
  return text;
}

/** The body's bytes as strict UTF-8 text with files as `< path` lines; undefined when any bytes are not text (or hold NUL). */
export function bodyPreviewStrict(body: OutgoingBody): string | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const segments = body instanceof Uint8Array ? [body] : body.segments;
  let text = '';
  try {
    for (const segment of segments) text += segment instanceof Uint8Array ? decoder.decode(segment) : `< ${segment.displayPath}`;
  } catch {
    return undefined;
  }
  return text.includes('\0') ? undefined : text;
}
