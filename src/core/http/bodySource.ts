import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { HttpSessionError } from '../errors';
import type { FileSegment, OutgoingBody, StreamedBody } from './types';

/** True when `body` is read from segments while it is sent, rather than held as bytes. */
export function isStreamedBody(body: OutgoingBody): body is StreamedBody {
  return !(body instanceof Uint8Array);
}

/** The body's size in bytes (0 when there is none). */
export function bodyLength(body: OutgoingBody | undefined): number {
  return body?.length ?? 0;
}

/**
 * A fresh stream of the body's bytes: byte segments as they are, files opened one after another only when
 * reached. Call again for another send (a 307/308 redirect). A file whose size is no longer the one recorded,
 * or that cannot be opened, fails the stream with BODY_FILE; destroying the stream closes the open file.
 */
export function bodySource(body: StreamedBody): Readable {
  return Readable.from(segmentChunks(body.segments), { objectMode: false });
}

async function* segmentChunks(segments: StreamedBody['segments']): AsyncGenerator<Uint8Array> {
  for (const segment of segments) {
    if (segment instanceof Uint8Array) {
      if (segment.length > 0) yield segment;
    } else {
      yield* fileChunks(segment);
    }
  }
}

async function* fileChunks(segment: FileSegment): AsyncGenerator<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(segment.path, 'r');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new HttpSessionError('BODY_FILE', `Cannot read body file '${segment.path}' while sending (${reason}); the request was not completed.`, undefined, error);
  }
  try {
    const { size } = await handle.stat();
    if (size !== segment.size) throw changedSize(segment, size);
    if (size === 0) return;
    let read = 0;
    // autoClose off: the handle is closed below whichever way this generator ends (done, error, or destroyed).
    for await (const chunk of handle.createReadStream({ start: 0, end: size - 1, autoClose: false }) as AsyncIterable<Buffer>) {
      read += chunk.length;
      yield chunk;
    }
    if (read !== segment.size) throw changedSize(segment, read);
  } finally {
    await handle.close();
  }
}

function changedSize(segment: FileSegment, now: number): HttpSessionError {
  return new HttpSessionError('BODY_FILE',
    `Body file '${segment.path}' changed size while the request was being sent (${segment.size} bytes when the request was built, ${now} now); the request was not completed.`);
}
