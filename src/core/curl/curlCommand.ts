import type { OutgoingRequest } from '../http/types';

/** Quotes `text` for a POSIX shell: single quotes, with each `'` written as `'\''`. */
export function shellQuote(text: string): string {
  if (/^[\w@%+=:,./-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The request as a `curl` command line for a POSIX shell, exactly as it was sent (headers in wire order). */
export function curlCommand(request: OutgoingRequest): string {
  const parts = ['curl'];
  if (request.method === 'HEAD') parts.push('--head');
  else if (request.method !== 'GET' || request.body?.length) parts.push('-X', shellQuote(request.method));
  parts.push(shellQuote(request.url));
  for (const [name, value] of request.headers) parts.push('-H', shellQuote(`${name}: ${value}`));
  if (!request.body?.length) return parts.join(' ');
  const text = textOf(request.body);
  if (text !== undefined) return [...parts, '--data-binary', shellQuote(text)].join(' ');
  // Bytes that are not text are piped in through printf's octal escapes so the command stays byte-exact.
  const octal = [...request.body].map((b) => `\\0${b.toString(8).padStart(3, '0')}`).join('');
  return `printf '%b' ${shellQuote(octal)} | ${[...parts, '--data-binary', '@-'].join(' ')}`;
}

function textOf(body: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return text.includes('\0') ? undefined : text;
  } catch {
    return undefined;
  }
}
