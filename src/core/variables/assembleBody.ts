import { HttpSessionError } from '../errors';
import type { FileSegment, OutgoingBody } from '../http/types';
import type { BodyPart, RequestBody } from '../parser/types';
import { readBodyFile, readOrStreamBodyFile, type BodyFileScope } from './readBodyFile';
import type { Resolver } from './types';

/** How the body's lines are put together: as written, as one form line, or with CRLF for multipart. */
export type BodyKind = 'plain' | 'form' | 'multipart';

/**
 * The body's bytes: text lines with variables expanded (errors name the exact line), file parts read
 * (`<` raw bytes; `<@` decoded with its encoding, default UTF-8, variables expanded, sent as UTF-8).
 * `form` joins the lines into one with line breaks and indentation removed (REST Client); `multipart`
 * separates lines with CRLF. Undefined for an empty body. Outside `form`, raw `<` files over
 * STREAM_BODY_FILES_OVER_BYTES are not read: the body is then a StreamedBody that reads them while sending.
 */
export async function assembleBody(body: RequestBody, resolver: Resolver, scope: BodyFileScope, kind: BodyKind): Promise<OutgoingBody | undefined> {
  const separator = kind === 'form' ? '' : kind === 'multipart' ? '\r\n' : '\n';
  const chunks: Array<Buffer | FileSegment> = [];
  for (const [index, part] of body.parts.entries()) {
    if (index > 0 && separator) chunks.push(Buffer.from(separator));
    chunks.push(part.kind === 'text' ? Buffer.from(expandText(part.text, part.line, resolver, kind, separator)) : await filePart(part, resolver, scope, kind));
  }
  if (chunks.some((chunk) => !Buffer.isBuffer(chunk))) return streamedBody(chunks);
  const bytes = Buffer.concat(chunks as Buffer[]);
  return bytes.length === 0 && body.parts.length === 0 ? undefined : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** Consecutive byte chunks joined, so the segments alternate between bytes and files. */
function streamedBody(chunks: ReadonlyArray<Buffer | FileSegment>): OutgoingBody {
  const segments: Array<Uint8Array | FileSegment> = [];
  let pending: Buffer[] = [];
  const flush = (): void => {
    const bytes = Buffer.concat(pending);
    if (bytes.length > 0) segments.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    pending = [];
  };
  for (const chunk of chunks) {
    if (Buffer.isBuffer(chunk)) pending.push(chunk);
    else {
      flush();
      segments.push(chunk);
    }
  }
  flush();
  return { segments, length: segments.reduce((sum, segment) => sum + (segment instanceof Uint8Array ? segment.length : segment.size), 0) };
}

function expandText(text: string, firstLine: number, resolver: Resolver, kind: BodyKind, separator: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const [offset, raw] of lines.entries()) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const expanded = resolver.expand(line, firstLine + offset);
    if (kind !== 'form') out.push(expanded);
    else if (expanded.trim() !== '') out.push(expanded.trim());
  }
  return out.join(separator);
}

async function filePart(part: Extract<BodyPart, { kind: 'file' }>, resolver: Resolver, scope: BodyFileScope, kind: BodyKind): Promise<Buffer | FileSegment> {
  const path = resolver.expand(part.path, part.line);
  // `<@` files need their text for variables; a form body is one line, where a `< path` preview could not stand alone.
  if (!part.expandVariables && kind !== 'form') return readOrStreamBodyFile(path, part.line, scope);
  const bytes = await readBodyFile(path, part.line, scope);
  if (!part.expandVariables) return bytes;
  const encoding = (part.encoding ?? 'utf8').toLowerCase();
  if (!Buffer.isEncoding(encoding)) {
    throw new HttpSessionError('BODY_FILE', `Unknown encoding '${part.encoding}' for body file '${path}' on line ${part.line + 1}`, { file: scope.filePath, line: part.line });
  }
  return Buffer.from(resolver.expand(bytes.toString(encoding), part.line), 'utf8');
}
