import { bodySource, isStreamedBody } from './bodySource';
import type { OutgoingBody } from './types';

/**
 * The whole body as bytes in memory, files read now (for explicit user actions that need every byte,
 * such as a GraphQL body). Throws BODY_FILE like a send would when a file is unreadable or changed size.
 */
export async function materializeBody(body: OutgoingBody): Promise<Uint8Array> {
  if (!isStreamedBody(body)) return body;
  const chunks: Uint8Array[] = [];
  for await (const chunk of bodySource(body) as AsyncIterable<Uint8Array>) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}
