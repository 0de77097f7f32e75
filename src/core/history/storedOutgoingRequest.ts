import type { FileSegment, OutgoingBody, OutgoingRequest } from '../http/types';
import { REDACTED } from '../variables/redactSecrets';
import { readOrStreamBodyFile, type BodyFileScope } from '../variables/readBodyFile';
import type { StoredBodyPart, StoredRequest } from './redactRequest';

/**
 * The request to send again from a stored one, built without parsing or expanding anything: URL, headers
 * and body text go out exactly as stored; only `parts` that were files when sent are read again, by the
 * rules of `< path` (Restricted Mode applies; a BODY_FILE error names `line`, the request's line). Masked
 * headers and the Cookie header are left out (the session supplies its cookies and default headers again).
 * Without `parts` (an older entry, or a body that was all text) the stored `body` is sent as literal text.
 */
export async function storedOutgoingRequest(stored: StoredRequest, scope: BodyFileScope, line: number): Promise<OutgoingRequest> {
  const headers = stored.headers.filter(([name, value]) => name.toLowerCase() !== 'cookie' && !value.includes(REDACTED));
  const request: OutgoingRequest = { method: stored.method, url: stored.url, headers };
  const parts: StoredBodyPart[] = stored.parts ?? (stored.body ? [{ text: stored.body }] : []);
  if (parts.length === 0) return request;
  const chunks: Array<Uint8Array | FileSegment> = [];
  for (const part of parts) {
    if ('text' in part) {
      chunks.push(new TextEncoder().encode(part.text));
      continue;
    }
    const read = await readOrStreamBodyFile(part.file, line, scope);
    // Keeps the path as first written, so the preview and the next history entry show the same `< path`.
    chunks.push(Buffer.isBuffer(read) ? read : { ...read, displayPath: part.displayPath });
  }
  return { ...request, body: joinChunks(chunks) };
}

/** One byte array when every chunk is bytes; else a streamed body of byte runs and files, in order. */
function joinChunks(chunks: ReadonlyArray<Uint8Array | FileSegment>): OutgoingBody {
  if (chunks.every((chunk) => chunk instanceof Uint8Array)) return new Uint8Array(Buffer.concat(chunks as Uint8Array[]));
  const segments: Array<Uint8Array | FileSegment> = [];
  let run: Uint8Array[] = [];
  const flush = (): void => {
    if (run.length) segments.push(new Uint8Array(Buffer.concat(run)));
    run = [];
  };
  for (const chunk of chunks) {
    if (chunk instanceof Uint8Array) {
      if (chunk.length) run.push(chunk);
    } else {
      flush();
      segments.push(chunk);
    }
  }
  flush();
  return { segments, length: segments.reduce((sum, segment) => sum + (segment instanceof Uint8Array ? segment.length : segment.size), 0) };
}
