import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign } from 'aws4';
import { startServer } from '../../support/startServer';
import type { TestServer } from '../../support/startServer';
import { headerValues } from '../session/sendSupport';
import { contextFor, runNamed } from '../runner/runnerSupport';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

/**
 * A server that checks SigV4 as AWS does: it signs again what arrived (method, path, the signed headers as
 * received, the payload hash header, which it checks against the body) and compares the signature; 403 when it differs or the payload hash is wrong.
 */
function verifyingHandler(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const auth = req.headers.authorization ?? '';
    const match = /Credential=([^/]+)\/\d+\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]+)/.exec(auth);
    if (!match) return void res.writeHead(403).end('unsigned');
    const headers: Record<string, string> = {};
    for (const name of match[4].split(';')) headers[name] = String(req.headers[name] ?? '');
    const again = sign({ method: req.method, host: req.headers.host, path: req.url, headers, region: match[2], service: match[3] },
      { accessKeyId: match[1], secretAccessKey: SECRET, sessionToken: req.headers['x-amz-security-token'] as string | undefined });
    const expected = /Signature=([0-9a-f]+)/.exec(String(again.headers?.Authorization))?.[1];
    const hashOk = req.headers['x-amz-content-sha256'] === createHash('sha256').update(body).digest('hex');
    res.writeHead(expected === match[5] && hashOk ? 200 : 403).end(`${match[2]}/${match[3]}`);
  });
}

describe('AWS Signature V4 on sent requests', () => {
  let server: TestServer;
  let dir: string;
  const contexts: Array<ReturnType<typeof contextFor>> = [];
  before(async () => {
    server = await startServer(verifyingHandler);
    dir = await mkdtemp(join(tmpdir(), 'aws-sign-'));
  });
  afterEach(async () => { await Promise.all(contexts.splice(0).map((c) => c.sessions.close())); });
  after(async () => { await server.close(); await rm(dir, { recursive: true, force: true }); });

  it('Authorization: AWS KEY SECRET region:… service:… sends a request the server verifies', async () => {
    const ctx = contextFor(`POST ${server.url}/items?b=2&a=1\nAuthorization: AWS AKIDEXAMPLE {{secret}} region:eu-west-1 service:execute-api\nContent-Type: application/json\nX-Custom: yes\n\n{"a":1}\n`,
      { environment: { secret: SECRET } });
    contexts.push(ctx);
    const result = await runNamed(ctx, 0);
    assert.equal(result.exchange?.response?.status, 200);
    assert.equal(Buffer.from(result.exchange?.response?.body ?? []).toString(), 'eu-west-1/execute-api');
    const sent = server.requests.at(-1)!;
    assert.match(headerValues(sent, 'authorization')[0], /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-custom, /);
    assert.equal(headerValues(sent, 'x-amz-date').length, 1);
    assert.ok(!JSON.stringify(sent.headers).includes(SECRET), 'the secret key never goes on the wire');
  });

  it('a session token is sent as X-Amz-Security-Token and signed', async () => {
    const ctx = contextFor(`GET ${server.url}/\nAuthorization: AWS AKIDEXAMPLE ${SECRET} token:TOKEN-1 region:us-east-1 service:s3\n`);
    contexts.push(ctx);
    const result = await runNamed(ctx, 0);
    assert.equal(result.exchange?.response?.status, 200);
    const sent = server.requests.at(-1)!;
    assert.deepEqual(headerValues(sent, 'x-amz-security-token'), ['TOKEN-1']);
    assert.match(headerValues(sent, 'authorization')[0], /SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,/);
  });

  it('a body streamed from a file is hashed from the file for X-Amz-Content-Sha256', async () => {
    await writeFile(join(dir, 'big.bin'), Buffer.alloc(2 * 1024 * 1024, 7));
    const ctx = contextFor(`PUT ${server.url}/upload\nAuthorization: AWS AKIDEXAMPLE ${SECRET} region:us-east-1 service:s3\n\n< ./big.bin\n`);
    contexts.push(ctx);
    const result = await runNamed({ ...ctx, filePath: join(dir, 'upload.http') }, 0);
    assert.equal(result.error, undefined);
    assert.equal(result.exchange?.response?.status, 200);
  });
});
