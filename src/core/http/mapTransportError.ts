import { HttpSessionError } from '../errors';
import { clientCertificateRefusal } from './clientCertificateRefusal';
import { MAX_RESPONSE_HEADER_BYTES } from './createDispatcher';

/** What sendHop knew when a hop failed. */
export interface FailureContext {
  url: URL;
  /** 'headers' until the status line and headers arrived, then 'body'. */
  phase: 'headers' | 'body';
  timedOut: boolean;
  cancelled: boolean;
  /** Whole-hop timeout in ms, for the message. */
  timeoutMs: number;
  /** Where the client certificate sent on this hop was configured; undefined when none was sent. */
  clientCertificate?: string;
  /** A TLS alert code that arrived on the hop's connection after the handshake (TLS 1.3 `certificate_required`). */
  tlsAlert?: string;
}

/** Headers undici sets itself and refuses from the caller (lower case). */
const CONNECTION_MANAGED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'expect', 'host', 'content-length']);

/** The per-request opt-out named in TLS messages. */
export const TLS_OPT_OUT_HINT = 'Use `# @insecure` on this request to skip verification.';

const TLS_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in the chain',
  CERT_HAS_EXPIRED: 'the certificate has expired',
  CERT_NOT_YET_VALID: 'the certificate is not valid yet',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the certificate was issued by an unknown authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the certificate was issued by an unknown authority',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is not valid for this host name',
};

/** Every error in a `cause` chain, outermost first (bounded, in case of cycles). */
function causeChain(err: unknown): Array<{ code?: string; message?: string }> {
  const chain: Array<{ code?: string; message?: string }> = [];
  let current: unknown = err;
  while (current && typeof current === 'object' && chain.length < 8) {
    chain.push(current as { code?: string; message?: string });
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/**
 * A server that refuses a client certificate may just close the connection after the handshake, with no
 * alert: a TLS connection closed before any response byte while a certificate was sent is said to be that.
 */
function closedAfterCertificate(err: unknown, ctx: FailureContext): string | undefined {
  const socket = (err as { code?: string; socket?: { bytesRead?: number } }).socket;
  if (!ctx.clientCertificate || ctx.phase !== 'headers' || (err as { code?: string }).code !== 'UND_ERR_SOCKET' || socket?.bytesRead !== 0) return undefined;
  return `The server at ${ctx.url.host} closed the connection after the TLS handshake, before any response: it may have refused the client certificate from ${ctx.clientCertificate}.`;
}

function firstCertificateRefusal(err: unknown, ctx: FailureContext): string | undefined {
  for (const link of causeChain(err)) {
    const message = typeof link.code === 'string' ? clientCertificateRefusal(link.code, ctx) : undefined;
    if (message) return message;
  }
  return undefined;
}

function isTlsCode(code: string): boolean {
  return code in TLS_REASONS || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')
    || code.startsWith('CERT_') || code.includes('SELF_SIGNED') || code.startsWith('UNABLE_TO_');
}

function hostPort(url: URL): string {
  return url.port ? `${url.hostname}:${url.port}` : `${url.hostname}:${url.protocol === 'https:' ? 443 : 80}`;
}

function byCode(code: string, err: { message?: string }, ctx: FailureContext): HttpSessionError | undefined {
  const where = hostPort(ctx.url);
  const make = (c: HttpSessionError['code'], message: string): HttpSessionError => new HttpSessionError(c, message);
  if (code === 'ECONNREFUSED') return make('REFUSED', `Connection refused by ${where}: is the server running?`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL') {
    return make('DNS', `Could not resolve the host name ${ctx.url.hostname} (DNS lookup failed).`);
  }
  if (isTlsCode(code)) {
    return make('TLS', `TLS certificate rejected: ${TLS_REASONS[code] ?? err.message ?? code}. ${TLS_OPT_OUT_HINT}`);
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return make('TIMEOUT', `Could not connect to ${where} (connection attempt timed out).`);
  }
  if (code === 'UND_ERR_HEADERS_OVERFLOW') {
    return make('PROTOCOL', `The response headers from ${where} exceed ${MAX_RESPONSE_HEADER_BYTES / 1024} KiB; the response was refused.`);
  }
  if (code.startsWith('HPE_') || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') {
    return make('PROTOCOL', `Malformed HTTP response from ${where}: ${err.message ?? code}.`);
  }
  if (code === 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH') {
    return make('INVALID_HEADER', 'The Content-Length header does not match the size of the body.');
  }
  const invalid = /^(?:invalid (\S+) header|(expect) header not supported)$/.exec(err.message ?? '');
  if (invalid && (code === 'UND_ERR_INVALID_ARG' || code === 'UND_ERR_NOT_SUPPORTED')) {
    const name = invalid[1] ?? invalid[2];
    // undici says "invalid X header" both for headers the connection manages and for values it cannot encode.
    if (!CONNECTION_MANAGED.has(name.toLowerCase())) {
      return make('INVALID_HEADER', `The ${name} header holds a character that cannot be sent in a header (a control character or one above U+00FF); nothing was sent.`);
    }
    return make('INVALID_HEADER', `The ${name} header is managed by the connection and cannot be sent; remove it from the request.`);
  }
  if (code === 'UND_ERR_INVALID_ARG' || code === 'UND_ERR_NOT_SUPPORTED') {
    return make('INVALID_HEADER', `The request cannot be sent as written: ${err.message ?? code}.`);
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return make('REFUSED', `Cannot reach ${where}: the network or host is unreachable.`);
  }
  if (code === 'UND_ERR_CLOSED' || code === 'UND_ERR_DESTROYED') {
    return make('CANCELLED', "Request cancelled: the session's connections were closed.");
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') {
    return make('RESET', ctx.phase === 'body'
      ? 'Connection reset by the server while reading the body.'
      : `Connection closed by ${where} before a response arrived.`);
  }
  return undefined;
}

/** Turns whatever undici, node:net, node:tls or zlib threw during a hop into an HttpSessionError with `cause` kept. */
export function mapTransportError(err: unknown, ctx: FailureContext): HttpSessionError {
  if (ctx.cancelled) return new HttpSessionError('CANCELLED', 'Request cancelled.', undefined, err);
  if (ctx.timedOut) {
    const seconds = `${ctx.timeoutMs / 1000} s`;
    const message = ctx.phase === 'body'
      ? `The response body did not finish within ${seconds} (timeout).`
      : `No response within ${seconds} (timeout).`;
    return new HttpSessionError('TIMEOUT', message, undefined, err);
  }
  const refused = clientCertificateRefusal(ctx.tlsAlert, ctx) ?? firstCertificateRefusal(err, ctx) ?? closedAfterCertificate(err, ctx);
  if (refused) return new HttpSessionError('TLS', refused, undefined, err);
  for (const link of causeChain(err)) {
    if (link instanceof HttpSessionError) return link;
    const mapped = typeof link.code === 'string' ? byCode(link.code, link, ctx) : undefined;
    if (mapped) return new HttpSessionError(mapped.code, mapped.message, undefined, err);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new HttpSessionError('UNKNOWN', `The request to ${hostPort(ctx.url)} failed: ${message}`, undefined, err);
}
