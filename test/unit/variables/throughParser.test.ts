import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpSessionError } from '../../../src/core/errors';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import type { NamedResponse } from '../../../src/core/session/types';
import { buildRequest } from '../../../src/core/variables/buildRequest';
import { createResolver } from '../../../src/core/variables/createResolver';
import type { VariableSources } from '../../../src/core/variables/types';
import type { OutgoingBody } from '../../../src/core/http/types';

/** The body's bytes, asserting these small bodies are held in memory. */
function materialized(body: OutgoingBody | undefined): Uint8Array {
  assert.ok(body === undefined || body instanceof Uint8Array, 'a small body stays bytes in memory');
  return body ?? new Uint8Array();
}

const FILE = `@host = 127.0.0.1:{{port}}
@auth = Bearer {{login.response.body.$.token}}

### login
# @name login
POST http://{{host}}/login
Content-Type: application/x-www-form-urlencoded

user=bob
&pass={{$processEnv PASS}}

### me
GET http://{{host}}/me
Authorization: {{auth}}

### upload
POST http://{{host}}/up
Content-Type: multipart/form-data; boundary=B

--B
Content-Disposition: form-data; name="f"; filename="a.txt"

<@ ./a.txt
--B--

### broken
GET http://{{host}}/x
X-Trace: {{unknownThing}}
`;

describe('variables through the real parser', () => {
  let dir: string;
  let sources: VariableSources;
  const stored = new Map<string, NamedResponse>();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hs-parsed-'));
    writeFileSync(join(dir, 'a.txt'), 'port={{port}}\n');
    stored.clear();
    sources = {
      filePath: join(dir, 'api.http'), fileVariables: [], environment: { port: '8080' },
      namedResponse: (name) => stored.get(name), processEnv: { PASS: 's3cret' },
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const build = async (index: number) => {
    const parsed = parseHttpFile(FILE);
    const withVars = { ...sources, fileVariables: parsed.variables };
    return buildRequest(parsed.requests[index], createResolver(withVars), withVars);
  };

  it('a parsed form login resolves file, environment and process values into one form line', async () => {
    const req = await build(0);
    assert.equal(req.url, 'http://127.0.0.1:8080/login');
    assert.equal(Buffer.from(materialized(req.body)).toString(), 'user=bob&pass=s3cret');
  });

  it('a reference to login fails before login ran, then works once its response is stored', async () => {
    await assert.rejects(build(1), (e: unknown) => e instanceof HttpSessionError && e.code === 'REFERENCE' && /login has no response yet/.test(e.message));
    stored.set('login', {
      status: 200, headers: [], body: '{"token":"T1"}', truncated: false,
      request: { method: 'POST', url: 'http://127.0.0.1:8080/login', headers: [] }, receivedAt: new Date().toISOString(),
    });
    assert.deepEqual((await build(1)).headers, [['Authorization', 'Bearer T1']]);
  });

  it('a parsed multipart body with a <@ file part is sent with CRLF and the file expanded', async () => {
    const body = Buffer.from(materialized((await build(2)).body)).toString();
    assert.equal(body, '--B\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\nport=8080\n\r\n--B--');
  });

  it('an unknown variable in a parsed file names it and its 1-based line', async () => {
    await assert.rejects(build(3), (e: unknown) =>
      e instanceof HttpSessionError && e.message === "Unknown variable 'unknownThing' on line 28" && e.describe().endsWith("api.http:28: Unknown variable 'unknownThing'"));
  });
});
