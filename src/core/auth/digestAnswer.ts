import { createHash, randomBytes } from 'node:crypto';
import { HttpSessionError } from '../errors';
import type { AuthChallenge } from './authParams';

/** What the session keeps of a Digest challenge for an origin, so later requests answer without a 401. */
export interface DigestState {
  realm: string;
  nonce: string;
  opaque?: string;
  /** As the server named it: MD5, MD5-sess, SHA-256, SHA-256-sess. */
  algorithm: string;
  /** 'auth' when the server offered it; undefined for an RFC 2069 server without qop. */
  qop?: string;
  userhash?: boolean;
  /** The user the nonce was answered for; another user starts afresh. */
  username: string;
  /** The last nonce count sent with this nonce (the next request sends nc + 1). */
  nc: number;
}

/** The user's own credentials for a Digest answer. */
export interface DigestCredentials {
  username: string;
  password: string;
}

const HASHES: Record<string, string> = { md5: 'md5', 'sha-256': 'sha256', 'sha-512-256': 'sha512-256' };

/** The state a fresh challenge gives (nc 0); a clear AUTH-style error for what cannot be answered. */
export function digestStateFrom(challenge: AuthChallenge, username: string): DigestState {
  const { realm, nonce, opaque } = challenge.params;
  const algorithm = challenge.params.algorithm ?? 'MD5';
  if (realm === undefined || nonce === undefined) throw unanswerable('it has no realm or nonce');
  if (!HASHES[algorithm.toLowerCase().replace(/-sess$/, '')]) throw unanswerable(`its algorithm ${algorithm} is not supported (MD5, MD5-sess, SHA-256, SHA-256-sess are)`);
  const offered = challenge.params.qop?.split(',').map((q) => q.trim().toLowerCase());
  if (offered && !offered.includes('auth')) throw unanswerable(`it offers only qop=${challenge.params.qop} (qop=auth is supported)`);
  return {
    realm, nonce, algorithm, username, nc: 0,
    ...(opaque !== undefined ? { opaque } : {}),
    ...(offered ? { qop: 'auth' } : {}),
    ...(challenge.params.userhash?.toLowerCase() === 'true' ? { userhash: true } : {}),
  };
}

/**
 * The `Authorization: Digest …` value (RFC 7616 §3.4) for `method` and `uri` (the request target, path and
 * query), counting `state.nc` up by one. `cnonce` is random unless given (tests pass the RFC's).
 */
export function digestAnswer(state: DigestState, credentials: DigestCredentials, method: string, uri: string, cnonce = randomBytes(16).toString('hex')): string {
  state.nc += 1;
  const hash = hasher(state.algorithm);
  const nc = state.nc.toString(16).padStart(8, '0');
  let ha1 = hash(`${credentials.username}:${state.realm}:${credentials.password}`);
  if (/-sess$/i.test(state.algorithm)) ha1 = hash(`${ha1}:${state.nonce}:${cnonce}`);
  const ha2 = hash(`${method}:${uri}`);
  const response = state.qop ? hash(`${ha1}:${state.nonce}:${nc}:${cnonce}:${state.qop}:${ha2}`) : hash(`${ha1}:${state.nonce}:${ha2}`);
  const username = state.userhash ? hash(`${credentials.username}:${state.realm}`) : credentials.username;
  const parts = [
    `username=${quote(username)}`, `realm=${quote(state.realm)}`, `nonce=${quote(state.nonce)}`, `uri=${quote(uri)}`,
    `algorithm=${state.algorithm}`, `response=${quote(response)}`,
  ];
  if (state.opaque !== undefined) parts.push(`opaque=${quote(state.opaque)}`);
  if (state.qop) parts.push(`qop=${state.qop}`, `nc=${nc}`, `cnonce=${quote(cnonce)}`);
  if (state.userhash) parts.push('userhash=true');
  return `Digest ${parts.join(', ')}`;
}

function hasher(algorithm: string): (text: string) => string {
  const name = HASHES[algorithm.toLowerCase().replace(/-sess$/, '')];
  return (text) => createHash(name).update(text, 'utf8').digest('hex');
}

function quote(value: string): string {
  return `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

function unanswerable(why: string): HttpSessionError {
  return new HttpSessionError('PROTOCOL', `The server's Digest challenge cannot be answered: ${why}.`);
}
