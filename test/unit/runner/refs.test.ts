import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requestAsSent } from '../../../src/core/curl/requestAsSent';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { HttpFileCache } from '../../../src/core/runner/httpFileCache';
import { refNotices, withRefs } from '../../../src/core/runner/refResults';
import { runFile } from '../../../src/core/runner/runFile';
import { runRequest } from '../../../src/core/runner/runRequest';
import { DEFAULT_ENGINE_SETTINGS } from '../../../src/core/runner/types';
import type { RunContext, RunResult } from '../../../src/core/runner/types';
import { SessionStore } from '../../../src/core/session/sessionStore';
import { startServer, type TestServer } from '../../support/startServer';
import { appHandler } from './runnerSupport';

describe('# @ref, # @forceRef and # @import: a request sends the request it needs first, through the same pipeline and session', () => {
  let server: TestServer;
  let dir: string;
  before(async () => {
    server = await startServer(appHandler);
  });
  after(() => server.close());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'refs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes `files` into the temp folder and a context for the first one. */
  function contextFor(files: Record<string, string>, extra: Partial<RunContext> = {}): RunContext {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const [first] = Object.keys(files);
    return {
      filePath: join(dir, first),
      file: parseHttpFile(files[first]),
      sessions: new SessionStore(),
      environment: {},
      settings: { ...DEFAULT_ENGINE_SETTINGS, timeoutMs: 5_000 },
      ...extra,
    };
  }
  const sent = (path: string): number => server.requests.filter((r) => r.url.startsWith(path)).length;
  const run = (ctx: RunContext, index: number): Promise<RunResult> => runRequest(ctx, ctx.file.requests[index]);

  const LOGIN = (base: string): string => `### login\nPOST ${base}/login\n\n`;

  it('@ref sends the named request first when the session has no response of it, in the same session (its cookie goes along)', async () => {
    const ctx = contextFor({ 'a.http': `${LOGIN(server.url)}###\n# @ref login\nGET ${server.url}/me?t={{login.response.body.$.token}}\n` });
    const before = server.requests.length;
    const result = await run(ctx, 1);
    assert.equal(result.error, undefined, result.error?.describe());
    assert.deepEqual(server.requests.slice(before).map((r) => r.url), ['/login', '/me?t=tok-1']);
    assert.equal(server.requests.at(-1)?.headers.find(([n]) => n.toLowerCase() === 'cookie')?.[1], 'sid=s1');
    assert.equal(result.refs?.length, 1);
    assert.equal(result.refs?.[0].exchange?.response?.status, 200);
    assert.equal(result.refs?.[0].request.name, 'login');
  });

  it('@ref already satisfied in the session (the named response exists) is not sent again', async () => {
    const ctx = contextFor({ 'a.http': `${LOGIN(server.url)}###\n# @ref login\nGET ${server.url}/me\n` });
    await runFile(ctx, ctx.file.requests);
    const logins = sent('/login');
    const again = await run(ctx, 1);
    assert.equal(again.error, undefined);
    assert.equal(sent('/login'), logins);
    assert.equal(again.refs, undefined);
  });

  it('@forceRef sends the named request first every time, even when its response is in the session', async () => {
    const ctx = contextFor({ 'a.http': `${LOGIN(server.url)}###\n# @forceRef login\nGET ${server.url}/me\n` });
    await run(ctx, 1);
    const logins = sent('/login');
    const again = await run(ctx, 1);
    assert.equal(sent('/login'), logins + 1);
    assert.equal(again.refs?.length, 1);
  });

  it("@import makes another file's named requests available to @ref: path relative to the .http file, the imported file's own variables and prologue apply", async () => {
    const ctx = contextFor({
      'main.http': `# @import ./auth/auth.http\n###\n# @ref signin\nGET ${server.url}/me\n`,
    });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'auth'));
    writeFileSync(join(dir, 'auth', 'auth.http'), `@base = ${server.url}\n# @session-header X-From: auth-prologue\n###\n# @name signin\nPOST {{base}}/login\n`);
    const result = await run(ctx, 0);
    assert.equal(result.error, undefined, result.error?.describe());
    assert.equal(result.refs?.[0].filePath, join(dir, 'auth', 'auth.http'));
    const login = server.requests.at(-2);
    assert.equal(login?.url, '/login');
    assert.equal(login?.headers.find(([n]) => n.toLowerCase() === 'x-from')?.[1], 'auth-prologue');
  });

  it('an imported file is read and parsed once per run (one cache for the run), and only when a name is not in the file itself', async () => {
    const reads: string[] = [];
    const imports = new HttpFileCache(async (path) => { reads.push(path); return readFile(path, 'utf8'); });
    const ctx = contextFor({
      'main.http': `# @import ./other.http\n###\n# @name local\nGET ${server.url}/local\n###\n# @ref local\nGET ${server.url}/one\n###\n# @forceRef remote\nGET ${server.url}/two\n###\n# @forceRef remote\nGET ${server.url}/three\n`,
      'other.http': `### remote\nGET ${server.url}/remote\n`,
    }, { imports });
    await run(ctx, 1);
    assert.deepEqual(reads, [], 'a name found in the file itself reads no import');
    await runFile(ctx, ctx.file.requests.slice(2));
    assert.deepEqual(reads, [join(dir, 'other.http')]);
    assert.equal(sent('/remote'), 2);
  });

  it('a cycle (a refs b refs a) is an error naming file:line of each step, not a hang; nothing is sent', async () => {
    const ctx = contextFor({ 'a.http': `### a\n# @forceRef b\nGET ${server.url}/cycle-a\n###\n### b\n# @ref a\nGET ${server.url}/cycle-b\n` });
    const result = await run(ctx, 0);
    assert.equal(result.error?.code, 'REFERENCE');
    assert.match(result.error?.describe() ?? '', /a\.http:2: @forceRef b got no response.*a\.http:6: @ref a makes a cycle: a\.http:2 @forceRef b → a\.http:6 @ref a/);
    assert.equal(sent('/cycle-'), 0);
    assert.equal(result.exchange, undefined);
  });

  it('a request that refs itself is a cycle too', async () => {
    const ctx = contextFor({ 'a.http': `### self\n# @forceRef self\nGET ${server.url}/self\n` });
    const result = await run(ctx, 0);
    assert.match(result.error?.describe() ?? '', /a\.http:2: @forceRef self makes a cycle/);
    assert.equal(sent('/self'), 0);
  });

  it('a ref to an unknown name is an error at the directive line and the request is not sent', async () => {
    const ctx = contextFor({ 'a.http': `###\nGET ${server.url}/x\n###\n\n# @ref nobody\nGET ${server.url}/unknown-ref\n` });
    const result = await run(ctx, 1);
    assert.equal(result.error?.code, 'REFERENCE');
    assert.equal(result.error?.location?.line, 4);
    assert.match(result.error?.describe() ?? '', /a\.http:5: @ref nobody: no request named 'nobody' in this file or the files it imports/);
    assert.equal(sent('/unknown-ref'), 0);
    assert.equal(result.tests[0]?.passed, false);
  });

  it('a missing @import file is named in the error of a ref it would have answered', async () => {
    const ctx = contextFor({ 'a.http': `# @import ./gone.http\n###\n# @ref login\nGET ${server.url}/needs-gone\n` });
    const result = await run(ctx, 0);
    assert.match(result.error?.describe() ?? '', /@ref login: no request named 'login'.*\.\/gone\.http could not be read \(no such file\)/);
    assert.equal(sent('/needs-gone'), 0);
  });

  it('a failed ref (no response) stops the dependent request with a message naming the ref and why', async () => {
    const closed = await startServer(appHandler);
    const deadUrl = closed.url;
    await closed.close();
    const ctx = contextFor({ 'a.http': `### login\nPOST ${deadUrl}/login\n###\n# @ref login\nGET ${server.url}/after-failed-ref\n` });
    const result = await run(ctx, 1);
    assert.equal(result.error?.code, 'REFUSED');
    assert.match(result.error?.describe() ?? '', /a\.http:4: @ref login got no response, so this request was not sent/);
    assert.equal(result.refs?.[0].exchange?.response, undefined);
    assert.equal(sent('/after-failed-ref'), 0);
  });

  it("a ref's response handler runs (the same pipeline): the global it sets feeds the dependent request", async () => {
    const ctx = contextFor({ 'a.http': `### login\nPOST ${server.url}/login\n\n> {% client.global.set("tok", response.body.token); %}\n\n###\n# @ref login\nGET ${server.url}/with-global?t={{tok}}\n` });
    const result = await run(ctx, 1);
    assert.equal(result.error, undefined, result.error?.describe());
    assert.equal(server.requests.at(-1)?.url, '/with-global?t=tok-1');
    assert.equal(ctx.sessions.get('default').globals.get('tok'), 'tok-1');
  });

  it('the ref runs in the session of the request that needs it (# @session admin)', async () => {
    const ctx = contextFor({ 'a.http': `${LOGIN(server.url)}###\n# @session admin\n# @ref login\nGET ${server.url}/admin-me\n` });
    await run(ctx, 1);
    assert.equal(ctx.sessions.get('admin').namedResponses.has('login'), true);
    assert.equal(ctx.sessions.get('default').namedResponses.has('login'), false);
  });

  it('refs of refs are sent deepest first; withRefs lists them in the order sent and refNotices names each with its outcome', async () => {
    const ctx = contextFor({ 'a.http': `### c\nGET ${server.url}/chain-c\n###\n### b\n# @ref c\nGET ${server.url}/chain-b\n###\n### a\n# @ref b\nGET ${server.url}/chain-a\n` });
    const before = server.requests.length;
    const result = await run(ctx, 2);
    assert.deepEqual(server.requests.slice(before).map((r) => r.url), ['/chain-c', '/chain-b', '/chain-a']);
    assert.deepEqual(withRefs(result).map((r) => r.request.name), ['c', 'b', 'a']);
    assert.deepEqual(refNotices(result), ['Sent first (# @ref): c → 200 OK', 'Sent first (# @ref): b → 200 OK']);
  });

  it('Copy as cURL (preparing without sending) sends no ref', async () => {
    const ctx = contextFor({ 'a.http': `${LOGIN(server.url)}###\n# @ref login\nGET ${server.url}/curl-only\n` });
    const logins = sent('/login');
    await requestAsSent(ctx, ctx.file.requests[1]);
    assert.equal(sent('/login'), logins);
  });
});
