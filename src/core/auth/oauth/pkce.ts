import { createHash, randomBytes } from 'node:crypto';
import type { PkceConfig } from './oauthConfig';

/** A PKCE pair (RFC 7636): the verifier kept here, the challenge sent with the authorization request. */
export interface PkcePair {
  verifier: string;
  challenge: string;
  method: 'S256' | 'plain';
}

/** A fresh verifier (32 random bytes, base64url: 43 characters, RFC 7636 4.1) unless the configuration fixes one. */
export function pkcePair(config: PkceConfig): PkcePair {
  const verifier = config.verifier ?? randomBytes(32).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier, config.method), method: config.method };
}

/** `code_challenge` for `verifier`: BASE64URL(SHA256(ASCII(verifier))) for S256 (RFC 7636 4.2), the verifier itself for plain. */
export function pkceChallenge(verifier: string, method: 'S256' | 'plain'): string {
  return method === 'plain' ? verifier : createHash('sha256').update(verifier, 'ascii').digest('base64url');
}
