import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startServer } from './startServer';
import type { TestServer } from './startServer';

/** Options of the loopback Digest server. */
export interface DigestServerOptions {
  username: string;
  password: string;
  realm?: string;
  /** MD5 (default), MD5-sess, SHA-256, SHA-256-sess. */
  algorithm?: string;
  /** Omit qop from the challenge (an RFC 2069 server). */
  noQop?: boolean;
}

/** A Digest server: what it saw besides TestServer's bookkeeping. */
export interface DigestServer extends TestServer {
  /** Number of 401 challenges sent. */
  readonly challenges: number;
  /** Marks every nonce issued so far stale: its next use gets `401 … stale=true`. */
  expireNonces(): void;
}

/**
 * A loopback server that requires RFC 7616 Digest auth on every path: a request without a valid answer gets
 * `401` with a fresh nonce; an answer for a nonce marked stale gets `stale=true`; a nonce count must grow.
 * It checks answers with its own hashing, independent of the code under test. 200 body: `hello USER`.
 */
export async function startDigestServer(options: DigestServerOptions): Promise<DigestServer> {
  const realm = options.realm ?? 'test@127.0.0.1';
  const algorithm = options.algorithm ?? 'MD5';
  const nonces = new Map<string, { lastNc: number; stale: boolean }>();
  let challenges = 0;
  const hash = (text: string): string => createHash(algorithm.startsWith('SHA-256') ? 'sha256' : 'md5').update(text).digest('hex');

  function challenge(res: ServerResponse, stale: boolean): void {
    challenges += 1;
    const nonce = randomBytes(12).toString('base64');
    nonces.set(nonce, { lastNc: 0, stale: false });
    const qop = options.noQop ? '' : ', qop="auth, auth-int"';
    res.writeHead(401, { 'WWW-Authenticate': `Basic realm="other", Digest realm="${realm}"${qop}, algorithm=${algorithm}, nonce="${nonce}", opaque="op-1"${stale ? ', stale=true' : ''}` });
    res.end('who are you?');
  }

  function handler(req: IncomingMessage, res: ServerResponse): void {
    req.resume();
    const params = parseAnswer(req.headers.authorization ?? '');
    const known = params ? nonces.get(params.nonce) : undefined;
    if (!params || !known) return challenge(res, false);
    if (known.stale) return challenge(res, true);
    let ha1 = hash(`${options.username}:${realm}:${options.password}`);
    if (algorithm.endsWith('-sess')) ha1 = hash(`${ha1}:${params.nonce}:${params.cnonce}`);
    const ha2 = hash(`${req.method}:${req.url}`);
    const expected = options.noQop
      ? hash(`${ha1}:${params.nonce}:${ha2}`)
      : hash(`${ha1}:${params.nonce}:${params.nc}:${params.cnonce}:auth:${ha2}`);
    const nc = parseInt(params.nc ?? '0', 16);
    const ok = params.response === expected && params.uri === req.url && params.username === options.username
      && params.opaque === 'op-1' && (options.noQop || (params.qop === 'auth' && nc > known.lastNc));
    if (!ok) return challenge(res, false);
    known.lastNc = nc;
    res.end(`hello ${options.username}`);
  }

  const server = await startServer(handler);
  return Object.defineProperties(server, {
    challenges: { get: () => challenges },
    expireNonces: { value: () => { for (const state of nonces.values()) state.stale = true; } },
  }) as DigestServer;
}

function parseAnswer(header: string): Record<string, string> | undefined {
  if (!/^Digest\s/i.test(header)) return undefined;
  const params: Record<string, string> = {};
  for (const match of header.slice(7).matchAll(/([a-z]+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]+))/gi)) {
    params[match[1].toLowerCase()] = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3];
  }
  return params.nonce ? params : undefined;
}
