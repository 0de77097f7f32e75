import type { HttpSessionError } from '../errors';

/** Header list in wire order; repeated names kept as separate entries. */
export type HeaderList = Array<[name: string, value: string]>;

/** A body file sent from disk as the request goes out, not held in memory. */
export interface FileSegment {
  /** Absolute path of the file. */
  path: string;
  /** Size in bytes when the request was built; a different size at send time is a BODY_FILE error. */
  size: number;
  /** The path as written in the `.http` file (variables expanded), for `< path` in previews and history. */
  displayPath: string;
}

/** A body of bytes and files, read in order while it is sent; plain data, so a redirect can send it again. */
export interface StreamedBody {
  segments: ReadonlyArray<Uint8Array | FileSegment>;
  /** Total size in bytes (the Content-Length sent). */
  length: number;
}

/** A request body: bytes in memory, or segments streamed from disk (see http/bodySource). */
export type OutgoingBody = Uint8Array | StreamedBody;

/** A request ready for the wire (variables resolved, body read or planned). */
export interface OutgoingRequest {
  method: string;
  url: string;
  headers: HeaderList;
  body?: OutgoingBody;
}

/** A client certificate and extra CAs for TLS connections (node:tls option names; PEM text or PKCS#12 bytes). */
export interface ClientTlsOptions {
  cert?: string;
  key?: string;
  /** PKCS#12 (`.p12` / `.pfx`) bytes holding the certificate and its key. */
  pfx?: Buffer;
  passphrase?: string;
  /** The CAs trusted instead of Node's defaults: Node's roots, NODE_EXTRA_CA_CERTS and the extra files (see tlsProfile). */
  ca?: string[];
}

/** Per-request transport options. */
export interface TransportOptions {
  /** Whole-request timeout in ms; 0 = none. Default 30000. */
  timeoutMs: number;
  /** The timeout named in a TIMEOUT message, in ms, when `timeoutMs` is only what is left of a longer one. */
  reportedTimeoutMs?: number;
  /** Reading stops at this many decoded body bytes and the response is marked truncated. Default 50 MB. */
  maxBodyBytes: number;
  /** Verify TLS certificates (default true). */
  rejectUnauthorized: boolean;
  /** Where the client certificate of this hop's pool comes from ('httpSession.tls.certificates["host"]', an env file), for messages; undefined when none is sent. */
  clientCertificate?: string;
  signal?: AbortSignal;
}

/** Milliseconds from the start of the hop; undefined when not observed. */
export interface Timings {
  /** Total wall time of the whole exchange (all hops) in ms. */
  totalMs: number;
  /** Time to the response headers of the final hop, from its start, in ms. */
  headersMs?: number;
  /** Time spent reading the final body, in ms. */
  bodyMs?: number;
  /** Each try of a retried request (`# @retry`), in order; absent when the request was sent once. */
  tries?: TryTiming[];
}

/** One try of a retried request, for the Timing tab. */
export interface TryTiming {
  /** The status it got ('503'), or the error code when no response came ('REFUSED'). */
  outcome: string;
  /** ms the try took. */
  ms: number;
  /** ms waited before it (backoff or Retry-After); 0 for the first. */
  waitedMs: number;
}

/** One request/response pair on the wire; a redirect chain has several. */
export interface Hop {
  request: OutgoingRequest;
  status: number;
  statusText: string;
  headers: HeaderList;
}

/** A cookie as shown to users. */
export interface CookieView {
  name: string;
  value: string;
  domain: string;
  path: string;
  /** ISO date, or undefined for a session cookie. */
  expires?: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite?: string;
  hostOnly: boolean;
}

/** A Set-Cookie the jar refused, with the jar's reason in plain words. */
export interface RejectedCookie {
  header: string;
  url: string;
  reason: string;
}

/** The final response. */
export interface ResponseData {
  status: number;
  statusText: string;
  httpVersion: string;
  headers: HeaderList;
  /** Decoded body bytes (after gzip/deflate/br), at most maxBodyBytes. */
  body: Uint8Array;
  /** True when reading stopped at the size cap. */
  truncated: boolean;
  /** Content-Type's media type, lower case, without parameters ('' when absent). */
  contentType: string;
}

/** Everything that happened for one request: every hop, the final response or a typed error, cookies, timings. */
export interface Exchange {
  hops: Hop[];
  response?: ResponseData;
  error?: HttpSessionError;
  cookies: {
    /** Cookies sent on the first hop (name/value as in the Cookie header). */
    sent: Array<{ name: string; value: string }>;
    /** Cookies stored into the jar during this exchange, any hop. */
    stored: CookieView[];
    rejected: RejectedCookie[];
  };
  timings: Timings;
}
