import { finished, type Readable } from 'node:stream';

/** Bytes read from a stream, and whether reading stopped at the cap. */
export interface CappedBody {
  body: Uint8Array;
  truncated: boolean;
}

/**
 * Reads `stream` until it ends or `maxBytes` bytes were read; in the latter case the stream is
 * destroyed (the rest is never read or buffered) and `truncated` is true. Rejects with the stream's error,
 * or a premature-close error when it closed before its end. With `expectedBytes` (the Content-Length of a body
 * that is not decoded) the chunks are copied into one buffer of that size as they come, so a large body is
 * never held twice (chunks plus their join); a body that turns out longer or shorter is still read right.
 */
export function readCapped(stream: Readable, maxBytes: number, expectedBytes?: number): Promise<CappedBody> {
  // 'data' events rather than an async iterator: a small JSON answer then costs no promise per chunk.
  return new Promise((resolve, reject) => {
    const sink = new BodySink(expectedBytes !== undefined && expectedBytes > 0 && expectedBytes <= maxBytes ? expectedBytes : undefined);
    let settled = false;
    const settle = (error: Error | null | undefined, truncated: boolean): void => {
      if (settled) return;
      settled = true;
      stream.off('data', onData);
      if (error) reject(error);
      else resolve({ body: sink.bytes(), truncated });
    };
    const onData = (chunk: Buffer | string): void => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (sink.total + bytes.length > maxBytes) {
        sink.add(bytes.subarray(0, maxBytes - sink.total));
        settle(null, true);
        stream.destroy();
        return;
      }
      sink.add(bytes);
    };
    stream.on('data', onData);
    finished(stream, (error) => settle(error, false));
  });
}

/** Where the chunks go: one buffer of the expected size while they fit, else a list joined at the end. */
class BodySink {
  total = 0;
  private whole: Buffer | undefined;
  private chunks: Buffer[] = [];

  constructor(expectedBytes: number | undefined) {
    if (expectedBytes !== undefined) this.whole = Buffer.allocUnsafe(expectedBytes);
  }

  add(bytes: Buffer): void {
    if (this.whole !== undefined && this.total + bytes.length <= this.whole.length) {
      bytes.copy(this.whole, this.total);
    } else {
      if (this.whole !== undefined) {
        // Longer than the server said: what came so far becomes the first chunk.
        this.chunks.push(this.whole.subarray(0, this.total));
        this.whole = undefined;
      }
      this.chunks.push(bytes);
    }
    this.total += bytes.length;
  }

  bytes(): Buffer {
    if (this.whole !== undefined) return this.total === this.whole.length ? this.whole : this.whole.subarray(0, this.total);
    return Buffer.concat(this.chunks, this.total);
  }
}
