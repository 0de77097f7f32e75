import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { historyEntry, type HistoryEntry } from '../../../src/core/history/historyEntry';
import { resendStoredRequest } from '../../../src/core/history/resendStoredRequest';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { runRequest } from '../../../src/core/runner/runRequest';
import { DEFAULT_ENGINE_SETTINGS, type RunContext } from '../../../src/core/runner/types';
import { SessionStore } from '../../../src/core/session/sessionStore';
import { REDACTED } from '../../../src/core/variables/redactSecrets';
import { recordingServer } from '../curl/recordingServer';

const MiB = 1024 * 1024;
const SECRET = 'TOP-SECRET-FILE-CONTENT';

describe('re-sending a request from the history when its .http file is gone', function () {
  this.timeout(20_000);
  let server: Awaited<ReturnType<typeof recordingServer>>;
  let dir: string;
  before(async () => {
    server = await recordingServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-history-resend-'));
    fs.writeFileSync(path.join(dir, 'secret.txt'), SECRET);
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const settings = { ...DEFAULT_ENGINE_SETTINGS, timeoutMs: 5000 };
  function context(source: string, sessions = new SessionStore(), environment: Record<string, string> = {}): RunContext {
    return { filePath: path.join(dir, 'api.http'), file: parseHttpFile(source), sessions, environment, settings };
  }
  /** Sends `source`'s first request, then its history entry again as if the .http file were gone. */
  async function sendThenResend(source: string, environment: Record<string, string> = {}): Promise<{ entry: HistoryEntry; first: string; again: string }> {
    const ctx = context(source, new SessionStore(), environment);
    const result = await runRequest(ctx, ctx.file.requests[0]);
    assert.equal(result.error, undefined, result.error?.describe());
    const first = server.arrived.at(-1)!.body;
    const entry = historyEntry(result, new Date()) as HistoryEntry;
    const resent = await resendStoredRequest({ sessions: ctx.sessions, environment, settings }, entry);
    assert.equal(resent.error, undefined, resent.error?.describe());
    assert.equal(resent.exchange?.response?.status, 200);
    return { entry, first, again: server.arrived.at(-1)!.body };
  }

  it('sends a body line starting with `< ` as the text it was, never the file it names', async () => {
    // The body was read into memory from a small file, so its `< ./secret.txt` line was text when sent.
    fs.writeFileSync(path.join(dir, 'payload.txt'), 'first line\r\n< ./secret.txt\r\nlast line');
    const { first, again } = await sendThenResend(`POST ${server.url}/upload\nContent-Type: text/plain\n\n< ./payload.txt\n`);
    assert.equal(first, 'first line\r\n< ./secret.txt\r\nlast line');
    assert.equal(again, first, 'the re-send carries the same bytes, line breaks included');
    assert.ok(!again.includes(SECRET));
  });

  it('sends `{{name}}` in a stored URL, header and body literally, though name is defined now', async () => {
    const environment = { raw: '{{name}}', name: 'EXPANDED' };
    const { entry, again } = await sendThenResend([
      `POST ${server.url}/vars?q={{raw}}`,
      'X-Template: {{raw}}',
      'Content-Type: application/json',
      '',
      '{"v": "{{raw}}"}',
    ].join('\n'), environment);
    assert.equal(again, '{"v": "{{name}}"}');
    const arrived = server.arrived.at(-1)!;
    assert.equal(arrived.url, '/vars?q={{name}}');
    assert.equal(arrived.headers['x-template'], '{{name}}');
    assert.equal(entry.request?.body, '{"v": "{{name}}"}');
  });

  it('reads a streamed file part again, and keeps a `< ` text line around it as text', async () => {
    fs.writeFileSync(path.join(dir, 'note.txt'), 'note says:\r\n< ./secret.txt');
    fs.writeFileSync(path.join(dir, 'scan.bin'), randomBytes(2 * MiB));
    const source = [
      `POST ${server.url}/multi`,
      'Content-Type: multipart/form-data; boundary=B',
      '',
      '--B',
      'Content-Disposition: form-data; name="note"',
      '',
      '< ./note.txt',
      '--B',
      'Content-Disposition: form-data; name="f"; filename="scan.bin"',
      '',
      '< ./scan.bin',
      '--B--',
    ].join('\n');
    const ctx = context(source);
    const entry = historyEntry(await runRequest(ctx, ctx.file.requests[0]), new Date()) as HistoryEntry;
    assert.deepEqual(entry.request?.parts?.filter((part) => 'file' in part), [{ file: path.join(dir, 'scan.bin'), displayPath: './scan.bin' }]);
    const now = randomBytes(3 * MiB);
    fs.writeFileSync(path.join(dir, 'scan.bin'), now);
    const resent = await resendStoredRequest({ sessions: ctx.sessions, environment: {}, settings }, entry);
    assert.equal(resent.exchange?.response?.status, 200, resent.error?.describe());
    const expected = Buffer.concat([
      Buffer.from('--B\r\nContent-Disposition: form-data; name="note"\r\n\r\nnote says:\r\n< ./secret.txt\r\n'),
      Buffer.from('--B\r\nContent-Disposition: form-data; name="f"; filename="scan.bin"\r\n\r\n'), now, Buffer.from('\r\n--B--'),
    ]);
    const body = Buffer.from(server.arrived.at(-1)!.body, 'latin1');
    assert.ok(body.equals(expected), 'the file as it is now, the text as it was');
    assert.ok(!body.includes(SECRET));
  });

  it('sends an old entry (a plain `body` string) as literal text', async () => {
    const entry: HistoryEntry = {
      time: '2025-01-01T00:00:00.000Z', method: 'PUT', url: `${server.url}/old?x={{name}}`, durationMs: 3, file: path.join(dir, 'api.http'), line: 4,
      request: { method: 'PUT', url: `${server.url}/old?x={{name}}`, headers: [['Content-Type', 'text/plain'], ['X-Old', '{{name}}']], body: 'a\n< ./secret.txt\n{{name}}' },
    };
    const resent = await resendStoredRequest({ sessions: new SessionStore(), environment: { name: 'EXPANDED' }, settings }, entry);
    assert.equal(resent.exchange?.response?.status, 200, resent.error?.describe());
    const arrived = server.arrived.at(-1)!;
    assert.deepEqual([arrived.method, arrived.url, arrived.headers['x-old'], arrived.body], ['PUT', '/old?x={{name}}', '{{name}}', 'a\n< ./secret.txt\n{{name}}']);
    assert.equal(resent.request.requestLine, 4, 'the result names the line the request was on');
  });

  it('sends masked credentials neither as headers nor as real values; the session supplies its own again', async () => {
    const sessions = new SessionStore();
    const ctx = context([
      `POST ${server.url}/login`,
      '',
      '###',
      `POST ${server.url}/form?api_key=K123`,
      'Authorization: Bearer abc.def',
      'X-Api-Key: k-999',
      'Content-Type: application/x-www-form-urlencoded',
      '',
      'user=ann&password=hunter2',
    ].join('\n'), sessions);
    await runRequest(ctx, ctx.file.requests[0]);
    const entry = historyEntry(await runRequest(ctx, ctx.file.requests[1]), new Date()) as HistoryEntry;
    const resent = await resendStoredRequest({ sessions, environment: {}, settings }, entry);
    assert.equal(resent.exchange?.response?.status, 200, resent.error?.describe());
    const arrived = server.arrived.at(-1)!;
    assert.equal(arrived.url, `/form?api_key=${encodeURIComponent(REDACTED)}`);
    assert.equal(arrived.headers.authorization, undefined);
    assert.equal(arrived.headers['x-api-key'], undefined);
    assert.equal(arrived.headers.cookie, 'sid=s1', 'the session cookie, not the stored one');
    assert.equal(arrived.body, `user=ann&password=${encodeURIComponent(REDACTED)}`);
    for (const secret of ['abc.def', 'k-999', 'hunter2', 'K123']) assert.ok(!JSON.stringify(arrived).includes(secret), secret);
  });

  it('re-sends in the session the request was sent in', async () => {
    const sessions = new SessionStore();
    const ctx = context(`# @session admin\nPOST ${server.url}/login\n\n###\n# @session admin\nGET ${server.url}/mine\n`, sessions);
    await runRequest(ctx, ctx.file.requests[0]);
    const entry = historyEntry(await runRequest(ctx, ctx.file.requests[1]), new Date()) as HistoryEntry;
    assert.equal(entry.session, 'admin');
    const resent = await resendStoredRequest({ sessions, environment: {}, settings }, entry);
    assert.equal(resent.sessionName, 'admin');
    assert.equal(server.arrived.at(-1)!.headers.cookie, 'sid=s1');
  });

  it('sends nothing when the body was not kept, or a streamed file is outside the workspace in Restricted Mode', async () => {
    const count = server.arrived.length;
    const base = { time: '', method: 'POST', url: `${server.url}/x`, durationMs: 1, file: path.join(dir, 'api.http'), line: 0 };
    const omitted = await resendStoredRequest({ sessions: new SessionStore(), environment: {}, settings }, {
      ...base, request: { method: 'POST', url: `${server.url}/x`, headers: [], bodyOmitted: true },
    });
    assert.equal(omitted.error?.code, 'BODY_FILE');
    assert.equal(omitted.exchange, undefined);
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-history-outside-'));
    fs.writeFileSync(path.join(elsewhere, 'big.bin'), randomBytes(2 * MiB));
    const outside = await resendStoredRequest({ sessions: new SessionStore(), environment: {}, settings, restricted: true }, {
      ...base, request: { method: 'POST', url: `${server.url}/x`, headers: [], parts: [{ file: path.join(elsewhere, 'big.bin'), displayPath: '../big.bin' }] },
    });
    fs.rmSync(elsewhere, { recursive: true, force: true });
    assert.equal(outside.error?.code, 'BODY_FILE');
    assert.match(outside.error?.message ?? '', /outside the workspace/);
    assert.equal(server.arrived.length, count);
  });
});
