import { maskToken } from './oauth/oauthToken';
import { REDACTED } from '../variables/redactSecrets';

/** What an `Authorization` value says, for people: the scheme, the user when it names one, the secret masked. */
export interface AuthorizationSummary {
  /** As users write it: Basic, Bearer, Digest, or the value's own first word. */
  scheme: string;
  user?: string;
  /** The secret, masked: a Bearer token keeps its last 4 characters (as OAuth2 tokens do), a password nothing. */
  maskedSecret: string;
}

const KNOWN: Record<string, string> = { basic: 'Basic', bearer: 'Bearer', digest: 'Digest' };

/**
 * Summarizes the session's `Authorization` default (`# @session-auth basic|bearer|digest`, or a
 * `# @session-header Authorization: …`): `Basic <base64 of user:pass>` gives the user, `Digest USER PASS`
 * (REST Client's form) the user, `Bearer TOKEN` the token masked. A value with no scheme is all secret.
 */
export function describeAuthorization(value: string): AuthorizationSummary {
  const match = /^(\S+)\s+(\S.*)$/.exec(value.trim());
  if (!match) return { scheme: 'Authorization', maskedSecret: REDACTED };
  const [, word, rest] = match;
  const scheme = KNOWN[word.toLowerCase()] ?? word;
  if (scheme === 'Basic') {
    const pair = Buffer.from(rest, 'base64').toString('utf8');
    const colon = pair.indexOf(':');
    return colon > 0 ? { scheme, user: pair.slice(0, colon), maskedSecret: REDACTED } : { scheme, maskedSecret: REDACTED };
  }
  if (scheme === 'Digest') {
    const user = /^(\S+)\s+\S/.exec(rest)?.[1];
    return user && !user.includes('=') ? { scheme, user, maskedSecret: REDACTED } : { scheme, maskedSecret: REDACTED };
  }
  if (scheme === 'Bearer') return { scheme, maskedSecret: maskToken(rest) };
  return { scheme, maskedSecret: REDACTED };
}
