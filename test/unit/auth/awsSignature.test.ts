import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { awsCredentials } from '../../../src/core/auth/awsCredentials';
import { signAwsRequest } from '../../../src/core/auth/awsSignature';
import { getHeader } from '../../../src/core/http/headerList';
import type { HeaderList } from '../../../src/core/http/types';

interface VectorCase {
  name: string;
  method: string;
  url: string;
  headers: HeaderList;
  body?: string;
  sessionToken?: string;
  signedHeaders: string;
  signature: string;
}

const vectors = JSON.parse(readFileSync(join(__dirname, '../../fixtures/aws-sigv4/vectors.json'), 'utf8')) as {
  credentials: { accessKeyId: string; secretAccessKey: string; region: string; service: string };
  cases: VectorCase[];
};

describe('AWS Signature Version 4: the AWS test suite vectors', () => {
  for (const vector of vectors.cases) {
    it(`signs ${vector.name} as the suite expects`, async () => {
      const credentials = { ...vectors.credentials, ...(vector.sessionToken ? { sessionToken: vector.sessionToken } : {}) };
      const signed = await signAwsRequest({
        method: vector.method,
        url: vector.url,
        headers: [['Authorization', 'AWS placeholder placeholder'], ...vector.headers],
        ...(vector.body ? { body: Buffer.from(vector.body) } : {}),
      }, credentials, { contentSha256Header: false });
      assert.equal(getHeader(signed.headers, 'authorization'),
        `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=${vector.signedHeaders}, Signature=${vector.signature}`);
      assert.equal(getHeader(signed.headers, 'host'), 'example.amazonaws.com');
    });
  }
});

describe('Authorization: AWS … (REST Client and httpYac syntax)', () => {
  it('reads the keys, token, region and service', () => {
    assert.deepEqual(awsCredentials([['authorization', 'AWS AKID SECRET token:T1 region:eu-west-1 service:execute-api']]), {
      accessKeyId: 'AKID', secretAccessKey: 'SECRET', sessionToken: 'T1', region: 'eu-west-1', service: 'execute-api',
    });
  });

  it('leaves other Authorization values alone, a finished AWS4-HMAC-SHA256 header included', () => {
    assert.equal(awsCredentials([['Authorization', 'AWS4-HMAC-SHA256 Credential=x, SignedHeaders=host, Signature=y']]), undefined);
    assert.equal(awsCredentials([['Authorization', 'Bearer abc']]), undefined);
    assert.equal(awsCredentials([['Authorization', 'AWS AKID SECRET colour:blue']]), undefined);
  });
});
