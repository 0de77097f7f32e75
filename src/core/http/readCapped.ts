import { finished, type Readable } from 'node:stream';

/** Bytes read from a stream, and whether reading stopped at the cap. */
export interface CappedBody {
  body: Uint8Array;
  truncated: boolean;
}

/**
 * Reads `stream` until it ends or `maxBytes` bytes were read; in the latter case the stream is
 * destroyed (the rest is never read or buffered) and `truncated` is true. Rejects with the stream's error,
 * or a premature-close error when it closed before its end.
 */
export function readCapped(stream: Readable, maxBytes: number): Promise<CappedBody> {
  // 'data' events rather than an async iterator: a small JSON answer then costs no promise per chunk.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const settle = (error: Error | null | undefined, truncated: boolean): void => {
      if (settled) return;
      settled = true;
      stream.off('data', onData);
      if (error) reject(error);
      else resolve({ body: Buffer.concat(chunks, total), truncated });
    };
    const onData = (chunk: Buffer | string): void => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (total + bytes.length > maxBytes) {
        chunks.push(bytes.subarray(0, maxBytes - total));
        total = maxBytes;
        settle(null, true);
        stream.destroy();
        return;
      }
      chunks.push(bytes);
      total += bytes.length;
    };
    stream.on('data', onData);
    finished(stream, (error) => settle(error, false));
  });
}
