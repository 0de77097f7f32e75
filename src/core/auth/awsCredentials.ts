import { getHeader } from '../http/headerList';
import type { HeaderList } from '../http/types';

/** What `Authorization: AWS …` names: the keys, and the optional token, region and service. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region?: string;
  service?: string;
}

/**
 * The credentials of `Authorization: AWS ACCESS_KEY SECRET_KEY [token:T] [region:R] [service:S]` (REST
 * Client's and httpYac's syntax), or undefined for any other Authorization (a finished `AWS4-HMAC-SHA256 …` too).
 */
export function awsCredentials(headers: HeaderList): AwsCredentials | undefined {
  const value = getHeader(headers, 'authorization');
  const words = value?.trim().split(/\s+/) ?? [];
  if (words[0] !== 'AWS' || words.length < 3) return undefined;
  const credentials: AwsCredentials = { accessKeyId: words[1], secretAccessKey: words[2] };
  for (const word of words.slice(3)) {
    const [key, ...rest] = word.split(':');
    const option = rest.join(':');
    if (key === 'token') credentials.sessionToken = option;
    else if (key === 'region') credentials.region = option;
    else if (key === 'service') credentials.service = option;
    else return undefined;
  }
  return credentials;
}
