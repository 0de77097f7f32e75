import { Transform, type TransformCallback } from 'node:stream';
import * as zlib from 'node:zlib';
import { HttpSessionError } from '../errors';

type Decoder = Transform;

/**
 * Wraps a zlib stream created on the first body byte, so an empty body (HEAD, 204, 304) decodes to
 * nothing instead of failing, and the deflate flavour can be chosen from the first bytes.
 * A zlib failure surfaces as HttpSessionError DECODE.
 */
class LazyDecoder extends Transform {
  private inner?: Transform;

  constructor(private readonly encoding: string, private readonly create: (first: Buffer) => Transform) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (!this.inner) this.inner = this.start(chunk);
    this.inner.write(chunk, () => done());
  }

  override _read(size: number): void {
    this.inner?.resume();
    super._read(size);
  }

  override _flush(done: TransformCallback): void {
    if (!this.inner) return done();
    this.inner.once('end', () => done());
    this.inner.end();
  }

  override _destroy(err: Error | null, done: (error: Error | null) => void): void {
    this.inner?.destroy();
    done(err);
  }

  private start(first: Buffer): Transform {
    const inner = this.create(first);
    // Honour back-pressure so a decompression bomb cannot outrun the size cap.
    inner.on('data', (data: Buffer) => { if (!this.push(data)) inner.pause(); });
    inner.on('error', (err: Error) => this.destroy(new HttpSessionError(
      'DECODE', `Could not decode the ${this.encoding} response body: ${err.message}`, undefined, err,
    )));
    return inner;
  }
}

/** True when `first` starts with a zlib header (RFC 1950) rather than raw deflate data (RFC 1951). */
function isZlibWrapped(first: Buffer): boolean {
  if (first.length < 2) return true;
  return (first[0] & 0x0f) === 8 && ((first[0] << 8) | first[1]) % 31 === 0;
}

// Lenient flushing, as browsers and curl: a body that merely lacks its final block still decodes.
const lenient = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };

const FACTORIES: Record<string, (first: Buffer) => Transform> = {
  gzip: () => zlib.createGunzip(lenient),
  'x-gzip': () => zlib.createGunzip(lenient),
  deflate: (first) => (isZlibWrapped(first) ? zlib.createInflate(lenient) : zlib.createInflateRaw(lenient)),
  br: () => zlib.createBrotliDecompress(),
};

/**
 * The decoders for a Content-Encoding value, in the order to apply them (the reverse of the header's
 * order); [] for none or identity, undefined when an encoding is unknown (the body is then kept as sent).
 */
export function decodersFor(contentEncoding: string | undefined): Decoder[] | undefined {
  if (!contentEncoding) return [];
  const codings = contentEncoding.split(',').map((c) => c.trim().toLowerCase()).filter((c) => c && c !== 'identity');
  if (codings.some((c) => !(c in FACTORIES))) return undefined;
  return codings.reverse().map((c) => new LazyDecoder(c, FACTORIES[c]));
}
