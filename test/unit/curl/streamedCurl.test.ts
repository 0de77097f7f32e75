import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { curlCommand } from '../../../src/core/curl/curlCommand';
import { requestAsSent } from '../../../src/core/curl/requestAsSent';
import { isStreamedBody } from '../../../src/core/http/bodySource';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { DEFAULT_ENGINE_SETTINGS, type RunContext } from '../../../src/core/runner/types';
import { SessionStore } from '../../../src/core/session/sessionStore';
import { recordingServer } from './recordingServer';

const MiB = 1024 * 1024;

describe('copy as cURL: a body streamed from a file', function () {
  this.timeout(20_000);
  let server: Awaited<ReturnType<typeof recordingServer>>;
  let dir: string;
  let file: Buffer;

  before(async () => {
    server = await recordingServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'curl stream '));
    file = randomBytes(2 * MiB);
    fs.writeFileSync(path.join(dir, "it's big.bin"), file);
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function context(text: string): RunContext {
    return { filePath: path.join(dir, 'api.http'), file: parseHttpFile(text), sessions: new SessionStore(), environment: {}, settings: { ...DEFAULT_ENGINE_SETTINGS, timeoutMs: 5000 } };
  }

  async function run(command: string): Promise<Buffer> {
    await promisify(execFile)('/bin/sh', ['-c', `${command} --silent --output /dev/null`], { maxBuffer: MiB });
    return Buffer.from(server.arrived.at(-1)!.body, 'latin1');
  }

  it('a body that is one file becomes --data-binary @path, and curl sends the same bytes', async () => {
    const ctx = context(`PUT ${server.url}/blob\nContent-Type: application/octet-stream\n\n< ./it's big.bin\n`);
    const request = await requestAsSent(ctx, ctx.file.requests[0]);
    assert.ok(request.body && isStreamedBody(request.body));
    const command = curlCommand(request);
    assert.equal(command, `curl -X PUT ${server.url}/blob -H 'Content-Type: application/octet-stream' --data-binary '@${dir}/it'\\''s big.bin'`);
    assert.ok((await run(command)).equals(file));
  });

  it('a multipart body with a streamed part pipes text and file into curl, byte for byte, in a short command', async () => {
    const ctx = context([
      `POST ${server.url}/form`,
      'Content-Type: multipart/form-data; boundary=B',
      '',
      '--B',
      `Content-Disposition: form-data; name="note"`,
      '',
      "it's 100% $(fine)",
      '--B',
      'Content-Disposition: form-data; name="f"; filename="big.bin"',
      '',
      "< ./it's big.bin",
      '--B--',
    ].join('\n'));
    const command = curlCommand(await requestAsSent(ctx, ctx.file.requests[0]));
    assert.ok(command.length < 1000, `the command is ${command.length} characters`);
    assert.match(command, /^\{ printf '%s' .*; cat '.*it'\\''s big\.bin'; printf '%s' .*; \} \| curl -X POST .* --data-binary @-$/s);
    const expected = Buffer.concat([
      Buffer.from('--B\r\nContent-Disposition: form-data; name="note"\r\n\r\nit\'s 100% $(fine)\r\n--B\r\nContent-Disposition: form-data; name="f"; filename="big.bin"\r\n\r\n'),
      file,
      Buffer.from('\r\n--B--'),
    ]);
    assert.ok((await run(command)).equals(expected));
  });
});
