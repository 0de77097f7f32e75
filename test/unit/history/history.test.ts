import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { addToHistory, HISTORY_LIMIT } from '../../../src/core/history/addToHistory';
import { historyEntry, type HistoryEntry } from '../../../src/core/history/historyEntry';
import { redactRequest } from '../../../src/core/history/redactRequest';
import { redactUrl } from '../../../src/core/util/redactUrl';
import { resendStoredRequest } from '../../../src/core/history/resendStoredRequest';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { runRequest } from '../../../src/core/runner/runRequest';
import { DEFAULT_ENGINE_SETTINGS, type RunContext } from '../../../src/core/runner/types';
import { SessionStore } from '../../../src/core/session/sessionStore';
import { REDACTED } from '../../../src/core/variables/redactSecrets';
import { recordingServer } from '../curl/recordingServer';

describe('request history', () => {
  let server: Awaited<ReturnType<typeof recordingServer>>;
  before(async () => { server = await recordingServer(); });
  after(async () => { await server.close(); });

  function context(text: string, sessions = new SessionStore()): RunContext {
    return {
      filePath: path.join('/tmp', 'history-test', 'api.http'), file: parseHttpFile(text), sessions,
      environment: { pw: 'hunter2' }, settings: { ...DEFAULT_ENGINE_SETTINGS, timeoutMs: 5000 },
    };
  }

  it('keeps method, URL, status, duration, file and line of a sent request, credentials masked', async () => {
    const ctx = context([
      '',
      '# @name signin',
      `POST ${server.url}/login?user=ann&api_key=K123&page=2`,
      'Authorization: Bearer abc.def',
      'X-Api-Key: k-999',
      'Cookie: sid=raw',
      'Content-Type: application/x-www-form-urlencoded',
      '',
      'username=ann&password={{pw}}',
    ].join('\n'));
    const result = await runRequest(ctx, ctx.file.requests[0]);
    const entry = historyEntry(result, new Date('2025-01-02T03:04:05Z')) as HistoryEntry;
    assert.equal(entry.method, 'POST');
    assert.equal(entry.status, 200);
    assert.equal(entry.file, ctx.filePath);
    assert.equal(entry.line, 2);
    assert.equal(entry.label, 'signin');
    assert.equal(entry.time, '2025-01-02T03:04:05.000Z');
    assert.ok(entry.durationMs >= 0 && entry.durationMs < 5000);
    assert.equal(entry.url, `${server.url}/login?user=ann&api_key=${REDACTED}&page=2`);
    const stored = JSON.stringify(entry);
    for (const secret of ['abc.def', 'k-999', 'sid=raw', 'hunter2', 'K123']) assert.ok(!stored.includes(secret), `${secret} leaked: ${stored}`);
    assert.deepEqual(entry.request?.headers.find(([n]) => n === 'Authorization'), ['Authorization', `Bearer ${REDACTED}`]);
    assert.equal(entry.request?.body, `username=ann&password=${encodeURIComponent(REDACTED)}`);
  });

  it('masks secret-looking JSON keys at any depth and URL user info', () => {
    const stored = redactRequest({
      method: 'POST', url: 'http://ann:pw@h/x', headers: [['Content-Type', 'application/json']],
      body: new TextEncoder().encode(JSON.stringify({ user: 'ann', auth: { token: 't', refreshToken: 'r' }, list: [{ password: 'p' }] })),
    });
    assert.equal(stored.url, `http://ann:${REDACTED}@h/x`);
    assert.deepEqual(JSON.parse(stored.body ?? ''), { user: 'ann', auth: { token: REDACTED, refreshToken: REDACTED }, list: [{ password: REDACTED }] });
  });

  it('keeps no binary or long body, only the fact that there was one', () => {
    const binary = redactRequest({ method: 'PUT', url: 'http://h/b', headers: [], body: new Uint8Array([0, 255, 1]) });
    assert.equal(binary.body, undefined);
    assert.equal(binary.bodyOmitted, true);
    const long = redactRequest({ method: 'PUT', url: 'http://h/b', headers: [], body: new Uint8Array(20_000).fill(65) });
    assert.equal(long.bodyOmitted, true);
    assert.equal(long.body, undefined);
  });

  it('leaves URLs without secrets byte for byte as sent', () => {
    assert.equal(redactUrl('http://h/p?a=%20b&c=d+e'), 'http://h/p?a=%20b&c=d+e');
    assert.equal(redactUrl('not a url {{x}}'), 'not a url {{x}}');
  });

  it('records a refused connection with its error code, and nothing for a request that was never sent', async () => {
    const ctx = context('GET http://127.0.0.1:1/none\n\n###\nGET {{missing}}/x\n');
    const refused = historyEntry(await runRequest(ctx, ctx.file.requests[0]), new Date());
    assert.equal(refused?.errorCode, 'REFUSED');
    assert.equal(refused?.status, undefined);
    assert.equal(historyEntry(await runRequest(ctx, ctx.file.requests[1]), new Date()), undefined);
  });

  it(`keeps the last ${HISTORY_LIMIT} requests, newest first`, () => {
    let entries: HistoryEntry[] = [];
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) entries = addToHistory(entries, { time: String(i), method: 'GET', url: `http://h/${i}`, durationMs: 1, file: '/a.http', line: i });
    assert.equal(entries.length, HISTORY_LIMIT);
    assert.equal(entries[0].url, `http://h/${HISTORY_LIMIT + 4}`);
    assert.equal(entries.at(-1)?.url, 'http://h/5');
  });

  it('re-sends a stored request without its masked credentials; the session supplies its cookie again', async () => {
    const sessions = new SessionStore();
    const ctx = context(`POST ${server.url}/login\n\n###\nPOST ${server.url}/orders?x=1\nAuthorization: Basic QQ==\nContent-Type: application/json\nX-Plain: yes\n\n{"item": 5}\n`, sessions);
    await runRequest(ctx, ctx.file.requests[0]);
    const entry = historyEntry(await runRequest(ctx, ctx.file.requests[1]), new Date()) as HistoryEntry;
    const again = await resendStoredRequest(ctx, entry);
    assert.equal(again.exchange?.response?.status, 200, again.error?.describe());
    const arrived = server.arrived.at(-1);
    assert.equal(arrived?.url, '/orders?x=1');
    assert.equal(arrived?.body, '{"item": 5}');
    assert.equal(arrived?.headers['x-plain'], 'yes');
    assert.equal(arrived?.headers.authorization, undefined);
    assert.equal(arrived?.headers.cookie, 'sid=s1');
  });
});
