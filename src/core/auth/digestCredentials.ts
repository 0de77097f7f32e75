import type { HeaderList } from '../http/types';
import { getHeader } from '../http/headerList';
import type { DigestCredentials } from './digestAnswer';

/**
 * The user and password of `Authorization: Digest USER PASS` (REST Client's syntax, and what
 * `# @session-auth digest USER PASS` sets as the session's auth), or undefined for any other Authorization,
 * a finished `Digest username="…", …` answer included.
 */
export function digestCredentials(headers: HeaderList): DigestCredentials | undefined {
  const value = getHeader(headers, 'authorization');
  const match = value === undefined ? null : /^Digest\s+(\S+)\s+(.+)$/i.exec(value.trim());
  if (!match || match[1].includes('=')) return undefined;
  return { username: match[1], password: match[2] };
}
