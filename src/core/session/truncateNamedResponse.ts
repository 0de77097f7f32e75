import type { NamedResponse } from './types';

/** Largest body a named response keeps, in bytes of UTF-8 (1 MB). */
export const NAMED_RESPONSE_MAX_BYTES = 1024 * 1024;

/** Returns `response` with its body cut to 1 MB and `truncated: true` when it was longer. */
export function truncateNamedResponse(response: NamedResponse, maxBytes = NAMED_RESPONSE_MAX_BYTES): NamedResponse {
  const bytes = Buffer.from(response.body, 'utf8');
  if (bytes.length <= maxBytes) return response;
  // Decoding a cut multi-byte sequence yields U+FFFD; drop it so the kept text is a clean prefix.
  const body = bytes.subarray(0, maxBytes).toString('utf8').replace(/\uFFFD$/, '');
  return { ...response, body, truncated: true };
}
