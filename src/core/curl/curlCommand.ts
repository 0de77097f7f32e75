import { isStreamedBody } from '../http/bodySource';
import type { OutgoingRequest, StreamedBody } from '../http/types';

/** Quotes `text` for a POSIX shell: single quotes, with each `'` written as `'\''`. */
export function shellQuote(text: string): string {
  if (/^[\w@%+=:,./-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** How an https request went out, beyond its bytes: what curl needs to send it the same way. */
export interface CurlTransport {
  /** HTTP/2 was offered (ALPN). */
  http2?: boolean;
  /** Certificates were not verified (`# @insecure`, the setting, `verifyHostCertificate: false`). */
  insecure?: boolean;
  /** The client certificate's files: PEM `cert` (+ `key`) or a PKCS#12 `pfx`; a passphrase is never written. */
  certificate?: { cert?: string; key?: string; pfx?: string };
  /** Extra CA files trusted besides the system's. */
  caFiles?: readonly string[];
}

/**
 * The request as a `curl` command line for a POSIX shell, exactly as it was sent (headers in wire order).
 * A body streamed from one file becomes `--data-binary @path`; one of several segments is piped in, the
 * files through `cat`, so the command stays short and byte-exact. For an https URL, `transport` adds
 * `--http2`, `--insecure`, the client certificate (`--cert`, `--key`, `--cert-type P12`; curl asks for a
 * passphrase itself) and `--cacert` (curl reads one: several CA files are named in a comment to join).
 */
export function curlCommand(request: OutgoingRequest, transport: CurlTransport = {}): string {
  const https = request.url.startsWith('https:');
  const parts = ['curl', ...(https ? transportFlags(transport) : [])];
  if (request.method === 'HEAD') parts.push('--head');
  else if (request.method !== 'GET' || request.body?.length) parts.push('-X', shellQuote(request.method));
  parts.push(shellQuote(request.url));
  for (const [name, value] of request.headers) parts.push('-H', shellQuote(`${name}: ${value}`));
  const extraCas = https ? (transport.caFiles ?? []).slice(1) : [];
  const note = extraCas.length > 0 ? ` # curl reads one --cacert: join it with ${extraCas.map(shellQuote).join(', ')} into one file` : '';
  return commandWithBody(request, parts) + note;
}

function commandWithBody(request: OutgoingRequest, parts: string[]): string {
  const body = request.body;
  if (!body?.length) return parts.join(' ');
  if (isStreamedBody(body)) return streamedCommand(body, parts);
  const text = textOf(body);
  if (text !== undefined) return [...parts, '--data-binary', shellQuote(text)].join(' ');
  return `${printfBytes(body)} | ${[...parts, '--data-binary', '@-'].join(' ')}`;
}

function transportFlags(transport: CurlTransport): string[] {
  const flags: string[] = [];
  if (transport.http2) flags.push('--http2');
  if (transport.insecure) flags.push('--insecure');
  const certificate = transport.certificate;
  if (certificate?.pfx) flags.push('--cert-type', 'P12', '--cert', shellQuote(certificate.pfx));
  else if (certificate?.cert) flags.push('--cert', shellQuote(certificate.cert), ...(certificate.key ? ['--key', shellQuote(certificate.key)] : []));
  const [ca] = transport.caFiles ?? [];
  if (ca) flags.push('--cacert', shellQuote(ca));
  return flags;
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
