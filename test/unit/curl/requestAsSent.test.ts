import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { curlCommand } from '../../../src/core/curl/curlCommand';
import { requestAsSent } from '../../../src/core/curl/requestAsSent';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { runRequest } from '../../../src/core/runner/runRequest';
import { DEFAULT_ENGINE_SETTINGS } from '../../../src/core/runner/types';
import type { RunContext } from '../../../src/core/runner/types';
import { SessionStore } from '../../../src/core/session/sessionStore';
import { recordingServer, type Arrived } from './recordingServer';

const IGNORED = new Set(['user-agent', 'accept', 'host', 'content-length', 'accept-encoding', 'connection', 'sec-fetch-mode', 'accept-language']);

function comparable(request: Arrived): Arrived {
  return { ...request, headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => !IGNORED.has(name))) };
}

describe('copy request as cURL (the request as it will be sent)', () => {
  let server: Awaited<ReturnType<typeof recordingServer>>;
  let dir: string;
  before(async () => {
    server = await recordingServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copy-curl-'));
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function context(text: string, sessions: SessionStore): RunContext {
    return {
      filePath: path.join(dir, 'api.http'),
      file: parseHttpFile(text),
      sessions,
      environment: { host: server.url, password: "it's $(secret)" },
      settings: { ...DEFAULT_ENGINE_SETTINGS, timeoutMs: 5000, defaultHeaders: [['X-From-Settings', 's'], ['X-Over', 'settings']] },
    };
  }

  it('curl sends what runRequest sends: session cookies, session and settings default headers, variables', async function () {
    this.timeout(15_000);
    const text = [
      '# @session-header X-Over: prologue',
      '###',
      'POST {{host}}/login',
      '',
      '###',
      '# @session-header X-Session: kept',
      'GET {{host}}/warmup',
      '',
      '###',
      'POST {{host}}/data?q=a b',
      'Content-Type: application/json',
      'Cookie: mine=1',
      '',
      '{"password": "{{password}}"}',
    ].join('\n');
    const sessions = new SessionStore();
    const ctx = context(text, sessions);
    for (const block of ctx.file.requests.slice(0, 2)) assert.equal((await runRequest(ctx, block)).error, undefined);
    const target = ctx.file.requests[2];
    const command = curlCommand(await requestAsSent(ctx, target));
    assert.match(command, /Cookie: sid=s1; mine=1/);
    await promisify(execFile)('bash', ['-c', `${command} --silent --output /dev/null`]);
    const byCurl = comparable(server.arrived.at(-1) as Arrived);
    const result = await runRequest(ctx, target);
    assert.equal(result.error, undefined, result.error?.describe());
    const byRunner = comparable(server.arrived.at(-1) as Arrived);
    assert.deepEqual(byCurl, byRunner);
    assert.equal(byCurl.headers['x-session'], 'kept');
    assert.equal(byCurl.headers['x-over'], 'prologue');
    assert.equal(byCurl.headers['x-from-settings'], 's');
    assert.equal(byCurl.body, `{"password": "it's $(secret)"}`);
  });

  it('leaves the session unchanged: prologue statements are not applied, nothing is sent', async () => {
    const sessions = new SessionStore();
    const ctx = context(`# @session-header X-P: 1\n###\nGET ${server.url}/never\n`, sessions);
    const before = server.arrived.length;
    const request = await requestAsSent(ctx, ctx.file.requests[0]);
    assert.deepEqual(request.headers, [['X-From-Settings', 's'], ['X-Over', 'settings'], ['X-P', '1']]);
    assert.equal(sessions.get('default').defaultHeaders.toList().length, 0);
    assert.equal(server.arrived.length, before);
  });

  it('sends no jar cookies for # @no-cookie-jar', async () => {
    const sessions = new SessionStore();
    const ctx = context(`POST ${server.url}/login\n\n###\n# @no-cookie-jar\nGET ${server.url}/x\n`, sessions);
    await runRequest(ctx, ctx.file.requests[0]);
    const request = await requestAsSent(ctx, ctx.file.requests[1]);
    assert.equal(request.headers.find(([name]) => name === 'Cookie'), undefined);
  });

  it('asks # @prompt values and stops with CANCELLED when the prompt is cancelled', async () => {
    const ctx = { ...context(`# @prompt token Your token\nGET ${server.url}/p?t={{token}}\n`, new SessionStore()) };
    const asked: Array<[string, string, boolean]> = [];
    const request = await requestAsSent({ ...ctx, prompt: async (name, description, masked) => { asked.push([name, description, masked]); return 'T1'; } }, ctx.file.requests[0]);
    assert.equal(request.url, `${server.url}/p?t=T1`);
    assert.deepEqual(asked, [['token', 'Your token', true]]);
    await assert.rejects(requestAsSent({ ...ctx, prompt: async () => undefined }, ctx.file.requests[0]), { code: 'CANCELLED' });
  });
});
