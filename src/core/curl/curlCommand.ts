import { isStreamedBody } from '../http/bodySource';
import type { OutgoingRequest, StreamedBody } from '../http/types';

/** Quotes `text` for a POSIX shell: single quotes, with each `'` written as `'\''`. */
export function shellQuote(text: string): string {
  if (/^[\w@%+=:,./-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The request as a `curl` command line for a POSIX shell, exactly as it was sent (headers in wire order).
 * A body streamed from one file becomes `--data-binary @path`; one of several segments is piped in, the
 * files through `cat`, so the command stays short and byte-exact.
 */
export function curlCommand(request: OutgoingRequest): string {
  const parts = ['curl'];
  if (request.method === 'HEAD') parts.push('--head');
  else if (request.method !== 'GET' || request.body?.length) parts.push('-X', shellQuote(request.method));
  parts.push(shellQuote(request.url));
  for (const [name, value] of request.headers) parts.push('-H', shellQuote(`${name}: ${value}`));
  const body = request.body;
  if (!body?.length) return parts.join(' ');
  if (isStreamedBody(body)) return streamedCommand(body, parts);
  const text = textOf(body);
  if (text !== undefined) return [...parts, '--data-binary', shellQuote(text)].join(' ');
  return `${printfBytes(body)} | ${[...parts, '--data-binary', '@-'].join(' ')}`;
}

function streamedCommand(body: StreamedBody, parts: string[]): string {
  const only = body.segments.length === 1 ? body.segments[0] : undefined;
  if (only && !(only instanceof Uint8Array)) return [...parts, '--data-binary', shellQuote(`@${only.path}`)].join(' ');
  const writers = body.segments.map((segment) => {
    if (!(segment instanceof Uint8Array)) return `cat ${shellQuote(segment.path)}`;
    const text = textOf(segment);
    return text !== undefined ? `printf '%s' ${shellQuote(text)}` : printfBytes(segment);
  });
  return `{ ${writers.join('; ')}; } | ${[...parts, '--data-binary', '@-'].join(' ')}`;
}

/** Bytes that are not text, written by printf's octal escapes so the command stays byte-exact. */
function printfBytes(bytes: Uint8Array): string {
  const octal = [...bytes].map((b) => `\\0${b.toString(8).padStart(3, '0')}`).join('');
  return `printf '%b' ${shellQuote(octal)}`;
}

function textOf(body: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return text.includes('\0') ? undefined : text;
  } catch {
    return undefined;
  }
}
