import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { parseChallenges } from '../core/auth/authParams';
import type { DemoRequest } from './requestInfo';
import { sendJson } from './respond';

/** The realm the demo's Digest endpoint challenges for. */
export const DIGEST_REALM = 'demo@http-session';
/** A nonce older than this is answered with `stale=true` (ms). */
const NONCE_LIFETIME_MS = 10 * 60_000;
/** Nonces kept at most; the oldest go first, so a long-running demo server stays small. */
const MAX_NONCES = 1000;
const HASHES: Record<string, string> = { 'MD5': 'md5', 'SHA-256': 'sha256' };

/** `/digest/USER/PASS`: RFC 7616 Digest auth with qop=auth, for trying `# @session-auth digest`. */
export interface DigestRoutes {
  /** Answers `/digest/USER/PASS[?algorithm=MD5|MD5-sess|SHA-256|SHA-256-sess]`; false for any other path. */
  handle(request: DemoRequest, res: ServerResponse): boolean;
}

/**
 * The demo's Digest endpoint (httpbin's `/digest-auth`, one qop): without a valid answer a `401` with a
 * fresh nonce; a nonce count must grow per nonce; an old nonce gets `stale=true`. 200 body:
 * `{ authenticated, user, nc }`, nc showing that the client kept the nonce (2, 3, … with no new 401).
 */
export function createDigestRoutes(): DigestRoutes {
  const nonces = new Map<string, { issuedAt: number; lastNc: number }>();
  const challenge = (res: ServerResponse, algorithm: string, stale: boolean): void => {
    const nonce = randomBytes(16).toString('hex');
    nonces.set(nonce, { issuedAt: Date.now(), lastNc: 0 });
    if (nonces.size > MAX_NONCES) nonces.delete(nonces.keys().next().value as string);
    const header = `Digest realm="${DIGEST_REALM}", qop="auth", algorithm=${algorithm}, nonce="${nonce}", opaque="demo"${stale ? ', stale=true' : ''}`;
    sendJson(res, 401, { authenticated: false, hint: 'answer the Digest challenge (# @session-auth digest USER PASS)' }, { 'WWW-Authenticate': header });
  };
  const handle = (request: DemoRequest, res: ServerResponse): boolean => {
    const match = /^\/digest\/([^/]+)\/([^/]+)$/.exec(request.url.pathname);
    if (!match) return false;
    const [user, password] = [match[1], match[2]].map((part) => decodeURIComponent(part));
    const algorithm = request.url.searchParams.get('algorithm') ?? 'MD5';
    const hashName = HASHES[algorithm.replace(/-sess$/i, '').toUpperCase()];
    if (!hashName) {
      sendJson(res, 400, { error: `algorithm must be MD5, MD5-sess, SHA-256 or SHA-256-sess, not ${algorithm}` });
      return true;
    }
    const answer = parseChallenges([request.req.headers.authorization ?? '']).find((c) => c.scheme === 'digest')?.params;
    const kept = answer?.nonce ? nonces.get(answer.nonce) : undefined;
    if (!answer || !kept) {
      challenge(res, algorithm, false);
      return true;
    }
    if (Date.now() - kept.issuedAt > NONCE_LIFETIME_MS) {
      nonces.delete(answer.nonce);
      challenge(res, algorithm, true);
      return true;
    }
    const hash = (text: string): string => createHash(hashName).update(text, 'utf8').digest('hex');
    let ha1 = hash(`${user}:${DIGEST_REALM}:${password}`);
    if (/-sess$/i.test(algorithm)) ha1 = hash(`${ha1}:${answer.nonce}:${answer.cnonce}`);
    const ha2 = hash(`${request.method}:${answer.uri}`);
    const expected = hash(`${ha1}:${answer.nonce}:${answer.nc}:${answer.cnonce}:auth:${ha2}`);
    const nc = parseInt(answer.nc ?? '0', 16);
    const target = `${request.url.pathname}${request.url.search}`;
    if (answer.response !== expected || answer.username !== user || answer.qop !== 'auth' || answer.uri !== target || !(nc > kept.lastNc)) {
      challenge(res, algorithm, false);
      return true;
    }
    kept.lastNc = nc;
    sendJson(res, 200, { authenticated: true, user, nc });
    return true;
  };
  return { handle };
}
