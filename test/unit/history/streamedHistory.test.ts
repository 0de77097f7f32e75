import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { historyEntry, type HistoryEntry } from '../../../src/core/history/historyEntry';
import { MAX_STORED_BODY, redactRequest } from '../../../src/core/history/redactRequest';
import { resendStoredRequest } from '../../../src/core/history/resendStoredRequest';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { runRequest } from '../../../src/core/runner/runRequest';
import { DEFAULT_ENGINE_SETTINGS, type RunContext } from '../../../src/core/runner/types';
import { SessionStore } from '../../../src/core/session/sessionStore';
import { hopView } from '../../../src/vscode/response/responseModel';
import { recordingServer } from '../curl/recordingServer';

const MiB = 1024 * 1024;

describe('history and views of a request whose file part was streamed', function () {
  this.timeout(20_000);
  let server: Awaited<ReturnType<typeof recordingServer>>;
  let dir: string;
  before(async () => {
    server = await recordingServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-history-stream-'));
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const text = (url: string): string => [
    '# @name upload',
    `POST ${url}/upload`,
    'Content-Type: multipart/form-data; boundary=B',
    '',
    '--B',
    'Content-Disposition: form-data; name="f"; filename="scan.bin"',
    '',
    '< ./scan.bin',
    '--B--',
  ].join('\n');
  const framed = (file: Buffer): Buffer => Buffer.concat([
    Buffer.from('--B\r\nContent-Disposition: form-data; name="f"; filename="scan.bin"\r\n\r\n'), file, Buffer.from('\r\n--B--'),
  ]);

  function context(source: string, sessions = new SessionStore()): RunContext {
    return { filePath: path.join(dir, 'api.http'), file: parseHttpFile(source), sessions, environment: {}, settings: { ...DEFAULT_ENGINE_SETTINGS, timeoutMs: 5000 } };
  }

  it('stores `< path` for the streamed part, so a re-send from history reads the file again', async () => {
    const first = randomBytes(2 * MiB);
    fs.writeFileSync(path.join(dir, 'scan.bin'), first);
    const ctx = context(text(server.url));
    const result = await runRequest(ctx, ctx.file.requests[0]);
    assert.equal(result.error, undefined, result.error?.describe());
    assert.ok(Buffer.from(server.arrived.at(-1)!.body, 'latin1').equals(framed(first)));
    const entry = historyEntry(result, new Date()) as HistoryEntry;
    assert.equal(entry.request?.body, '--B\r\nContent-Disposition: form-data; name="f"; filename="scan.bin"\r\n\r\n< ./scan.bin\r\n--B--');
    assert.equal(entry.request?.bodyOmitted, undefined);

    const second = randomBytes(3 * MiB);
    fs.writeFileSync(path.join(dir, 'scan.bin'), second);
    const again = await resendStoredRequest(ctx, entry);
    assert.equal(again.exchange?.response?.status, 200, again.error?.describe());
    assert.ok(Buffer.from(server.arrived.at(-1)!.body, 'latin1').equals(framed(second)), 'the re-send read the file as it is now');
  });

  it('the named response and the Request tab show the part as its `< path` line and the full size', async () => {
    const file = randomBytes(2 * MiB);
    fs.writeFileSync(path.join(dir, 'scan.bin'), file);
    const sessions = new SessionStore();
    const ctx = context(text(server.url), sessions);
    const result = await runRequest(ctx, ctx.file.requests[0]);
    assert.match(sessions.get('default').namedResponses.get('upload')?.request.body ?? '', /\r\n\r\n< \.\/scan\.bin\r\n--B--$/);
    const view = hopView(result.exchange!.hops[0]);
    assert.equal(view.bodySize, framed(file).length);
    assert.match(view.bodyPreview, /\r\n\r\n< \.\/scan\.bin\r\n--B--$/);
  });

  it(`keeps no body when the text around a streamed part exceeds ${MAX_STORED_BODY} bytes`, () => {
    const long = new TextEncoder().encode('x'.repeat(MAX_STORED_BODY));
    const stored = redactRequest({ method: 'POST', url: 'http://h/', headers: [], body: { segments: [long, { path: '/f', size: 5 * MiB, displayPath: './f' }], length: long.length + 5 * MiB } });
    assert.deepEqual([stored.body, stored.bodyOmitted], [undefined, true]);
    const short = redactRequest({ method: 'POST', url: 'http://h/', headers: [], body: { segments: [{ path: '/f', size: 5 * MiB, displayPath: './f' }], length: 5 * MiB } });
    assert.deepEqual([short.body, short.bodyOmitted, short.parts], ['< ./f', undefined, [{ file: '/f', displayPath: './f' }]]);
  });
});
