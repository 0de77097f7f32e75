import { HttpSessionError } from '../errors';
import type { BodyPart, RequestBody } from '../parser/types';
import { readBodyFile, type BodyFileScope } from './readBodyFile';
import type { Resolver } from './types';

/** How the body's lines are put together: as written, as one form line, or with CRLF for multipart. */
export type BodyKind = 'plain' | 'form' | 'multipart';

/**
 * The body's bytes: text lines with variables expanded (errors name the exact line), file parts read
 * (`<` raw bytes; `<@` decoded with its encoding, default UTF-8, variables expanded, sent as UTF-8).
 * `form` joins the lines into one with line breaks and indentation removed (REST Client); `multipart`
 * separates lines with CRLF. Undefined for an empty body.
 */
export async function assembleBody(body: RequestBody, resolver: Resolver, scope: BodyFileScope, kind: BodyKind): Promise<Uint8Array | undefined> {
  const separator = kind === 'form' ? '' : kind === 'multipart' ? '\r\n' : '\n';
  const chunks: Buffer[] = [];
  for (const [index, part] of body.parts.entries()) {
    if (index > 0 && separator) chunks.push(Buffer.from(separator));
    chunks.push(part.kind === 'text' ? Buffer.from(expandText(part.text, part.line, resolver, kind, separator)) : await fileBytes(part, resolver, scope));
  }
  const bytes = Buffer.concat(chunks);
  return bytes.length === 0 && body.parts.length === 0 ? undefined : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
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

async function fileBytes(part: Extract<BodyPart, { kind: 'file' }>, resolver: Resolver, scope: BodyFileScope): Promise<Buffer> {
  const path = resolver.expand(part.path, part.line);
  const bytes = await readBodyFile(path, part.line, scope);
  if (!part.expandVariables) return bytes;
  const encoding = (part.encoding ?? 'utf8').toLowerCase();
  if (!Buffer.isEncoding(encoding)) {
    throw new HttpSessionError('BODY_FILE', `Unknown encoding '${part.encoding}' for body file '${path}' on line ${part.line + 1}`, { file: scope.filePath, line: part.line });
  }
  return Buffer.from(resolver.expand(bytes.toString(encoding), part.line), 'utf8');
}
