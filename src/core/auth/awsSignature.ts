import { createHash } from 'node:crypto';
import { RequestSigner } from 'aws4';
import { bodySource, isStreamedBody } from '../http/bodySource';
import { removeHeader } from '../http/headerList';
import type { HeaderList, OutgoingBody, OutgoingRequest } from '../http/types';
import type { AwsCredentials } from './awsCredentials';

/** How signAwsRequest signs; the defaults are what a sent request uses. */
export interface AwsSignOptions {
  /** Send the payload's hash as `X-Amz-Content-Sha256` (signed). Default true; the AWS test suite's vectors have none. */
  contentSha256Header?: boolean;
}

/**
 * The request signed with AWS Signature Version 4 by aws4 (the `Authorization: AWS …` header replaced by
 * `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`; `Host`, `X-Amz-Date`, `X-Amz-Content-Sha256`
 * and, with a token, `X-Amz-Security-Token` added). An `X-Amz-Date` the request carries is used as the time.
 * Region and service default to the ones an `*.amazonaws.com` host names, else us-east-1 and the first label.
 */
export async function signAwsRequest(request: OutgoingRequest, credentials: AwsCredentials, options: AwsSignOptions = {}): Promise<OutgoingRequest> {
  const url = new URL(request.url);
  const own = removeHeader(request.headers, 'authorization');
  const headers: Record<string, string> = {};
  for (const [name, value] of own) headers[name] = name in headers ? `${headers[name]},${value}` : value;
  const payloadHash = await sha256Hex(request.body);
  if (options.contentSha256Header !== false) headers['X-Amz-Content-Sha256'] = payloadHash;
  const signer = new RequestSigner({
    method: request.method,
    hostname: url.hostname,
    ...(url.port ? { port: url.port } : {}),
    path: `${url.pathname}${url.search}`,
    headers,
    ...(credentials.region ? { region: credentials.region } : {}),
    ...(credentials.service ? { service: credentials.service } : {}),
  }, credentials);
  // aws4 hashes only a string/Buffer body it is given; a file streamed from disk is hashed here instead.
  (signer as unknown as { hexBodyHash(): string }).hexBodyHash = () => payloadHash;
  const signed = signer.sign().headers as Record<string, string | number>;
  const added: HeaderList = Object.entries(signed)
    .filter(([name]) => !own.some(([ownName]) => ownName === name))
    .map(([name, value]) => [name, String(value)]);
  return { ...request, headers: [...own, ...added] };
}

async function sha256Hex(body: OutgoingBody | undefined): Promise<string> {
  const hash = createHash('sha256');
  if (!body) return hash.digest('hex');
  if (!isStreamedBody(body)) return hash.update(body).digest('hex');
  for await (const chunk of bodySource(body)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
