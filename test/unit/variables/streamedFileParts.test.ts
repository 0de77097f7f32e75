import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpSessionError } from '../../../src/core/errors';
import { bodyPreview } from '../../../src/core/http/bodyPreview';
import { isStreamedBody } from '../../../src/core/http/bodySource';
import { materializeBody } from '../../../src/core/http/materializeBody';
import type { OutgoingRequest } from '../../../src/core/http/types';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { buildRequest } from '../../../src/core/variables/buildRequest';
import { createResolver } from '../../../src/core/variables/createResolver';
import { STREAM_BODY_FILES_OVER_BYTES } from '../../../src/core/variables/readBodyFile';
import type { VariableSources } from '../../../src/core/variables/types';

const MiB = 1024 * 1024;

describe('body files: `<` parts over 1 MiB are planned as streamed segments, the rest read as before', () => {
  let dir: string;
  let filePath: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hs-parts-'));
    mkdirSync(join(dir, 'api'));
    filePath = join(dir, 'api', 'upload.http');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function build(text: string, extra: Partial<VariableSources> = {}): Promise<OutgoingRequest> {
    const sources: VariableSources = { filePath, fileVariables: [], environment: { name: 'big' }, namedResponse: () => undefined, processEnv: {}, ...extra };
    return buildRequest(parseHttpFile(text).requests[0], createResolver(sources), sources);
  }

  async function rejectsWith(promise: Promise<unknown>, pattern: RegExp): Promise<HttpSessionError> {
    const error = await promise.then(() => assert.fail('expected a BODY_FILE error'), (e: unknown) => e);
    assert.ok(error instanceof HttpSessionError, String(error));
    assert.equal(error.code, 'BODY_FILE', error.message);
    assert.match(error.message, pattern);
    return error;
  }

  it('the threshold is 1 MiB: a file of exactly 1 MiB is read, one byte more is streamed', async () => {
    assert.equal(STREAM_BODY_FILES_OVER_BYTES, MiB);
    writeFileSync(join(dir, 'api', 'exact.bin'), randomBytes(MiB));
    writeFileSync(join(dir, 'api', 'over.bin'), randomBytes(MiB + 1));
    const exact = await build('POST http://h/\n\n< ./exact.bin\n');
    assert.ok(exact.body instanceof Uint8Array);
    assert.equal(exact.body.length, MiB);
    const over = await build('POST http://h/\n\n< ./over.bin\n');
    assert.deepEqual(over.body, { segments: [{ path: join(dir, 'api', 'over.bin'), size: MiB + 1, displayPath: './over.bin' }], length: MiB + 1 });
  });

  it('a streamed part keeps the text around it as byte segments, with CRLF in multipart', async () => {
    const file = randomBytes(2 * MiB);
    writeFileSync(join(dir, 'api', 'big.bin'), file);
    const request = await build('POST http://h/\nContent-Type: multipart/form-data; boundary=B\n\n--B\nContent-Disposition: form-data; name="f"; filename="{{name}}.bin"\n\n< ./{{name}}.bin\n--B--\n');
    assert.ok(request.body && isStreamedBody(request.body));
    assert.equal(request.body.segments.length, 3);
    const head = '--B\r\nContent-Disposition: form-data; name="f"; filename="big.bin"\r\n\r\n';
    assert.equal(bodyPreview(request.body), `${head}< ./big.bin\r\n--B--`);
    assert.equal(request.body.length, head.length + file.length + '\r\n--B--'.length);
    assert.ok(Buffer.from(await materializeBody(request.body)).equals(Buffer.concat([Buffer.from(head), file, Buffer.from('\r\n--B--')])));
  });

  it('`<@` files need their text for variables, so even a large one is read and expanded', async () => {
    writeFileSync(join(dir, 'api', 'template.txt'), `${'x'.repeat(2 * MiB)}{{name}}`);
    const request = await build('POST http://h/\n\n<@ ./template.txt\n');
    assert.ok(request.body instanceof Uint8Array);
    assert.equal(Buffer.from(request.body.subarray(-3)).toString(), 'big');
  });

  it('a form body is one line, so a large file in it is read, not streamed', async () => {
    writeFileSync(join(dir, 'api', 'form.txt'), 'a'.repeat(MiB + 10));
    const request = await build('POST http://h/\nContent-Type: application/x-www-form-urlencoded\n\nx=1&\n< ./form.txt\n');
    assert.ok(request.body instanceof Uint8Array);
    assert.equal(request.body.length, 'x=1&'.length + MiB + 10);
  });

  it('a GraphQL query from a large file is read into the JSON body', async () => {
    writeFileSync(join(dir, 'api', 'query.graphql'), `query { a }${' '.repeat(MiB)}`);
    const request = await build('GRAPHQL http://h/graphql\n\n< ./query.graphql\n');
    assert.ok(request.body instanceof Uint8Array);
    assert.equal(JSON.parse(Buffer.from(request.body).toString()).query.trim(), 'query { a }');
  });

  it('Restricted Mode refuses a large file outside the workspace before anything is planned', async () => {
    writeFileSync(join(dir, 'outside.bin'), randomBytes(2 * MiB));
    writeFileSync(join(dir, 'api', 'inside.bin'), randomBytes(2 * MiB));
    const restricted = { restricted: true, workspaceRoot: join(dir, 'api') };
    await rejectsWith(build('POST http://h/\n\n< ../outside.bin\n', restricted), /'\.\.\/outside\.bin' on line 3 is outside the workspace.*Restricted Mode/);
    const inside = await build('POST http://h/\n\n< ./inside.bin\n', restricted);
    assert.ok(inside.body && isStreamedBody(inside.body));
    const trusted = await build('POST http://h/\n\n< ../outside.bin\n', { workspaceRoot: join(dir, 'api') });
    assert.ok(trusted.body && isStreamedBody(trusted.body));
  });

  it('an unreadable body file is BODY_FILE naming the file and its line', async () => {
    mkdirSync(join(dir, 'api', 'folder'));
    await rejectsWith(build('POST http://h/\n\n< ./missing.bin\n'), /missing\.bin' on line 3 \(ENOENT\)/);
    await rejectsWith(build('POST http://h/\n\nfirst\n< ./folder\n'), /folder' on line 4 \(EISDIR\)/);
  });
});
