import type { Readable } from 'node:stream';

/** Bytes read from a stream, and whether reading stopped at the cap. */
export interface CappedBody {
  body: Uint8Array;
  truncated: boolean;
}

/**
 * Reads `stream` until it ends or `maxBytes` bytes were read; in the latter case the stream is
 * destroyed (the rest is never read or buffered) and `truncated` is true.
 */
export async function readCapped(stream: Readable, maxBytes: number): Promise<CappedBody> {
  const chunks: Buffer[] = [];
  let total = 0;
  let truncated = false;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (total + bytes.length > maxBytes) {
      chunks.push(bytes.subarray(0, maxBytes - total));
      total = maxBytes;
      truncated = true;
      break;
    }
    chunks.push(bytes);
    total += bytes.length;
  }
  if (truncated) stream.destroy();
  return { body: Buffer.concat(chunks, total), truncated };
}
