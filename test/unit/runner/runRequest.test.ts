import * as assert from 'node:assert/strict';
import { startServer } from '../../support/startServer';
import type { TestServer } from '../../support/startServer';
import { startTlsServer } from '../../support/startTlsServer';
import { headerValues } from '../session/sendSupport';
import { appHandler, contextFor, runAll, runNamed } from './runnerSupport';

describe('runRequest: directives change the session (session.md)', () => {
  let server: TestServer;
  let other: TestServer;
  let base: string;
  const contexts: Array<ReturnType<typeof contextFor>> = [];
  function ctxFor(...args: Parameters<typeof contextFor>): ReturnType<typeof contextFor> {
    const ctx = contextFor(...args);
    contexts.push(ctx);
    return ctx;
  }

  before(async () => {
    server = await startServer(appHandler);
    other = await startServer(appHandler, { host: '127.0.0.2' });
    base = server.url;
  });
  beforeEach(() => { server.requests.length = 0; other.requests.length = 0; });
  afterEach(async () => { await Promise.all(contexts.splice(0).map((c) => c.sessions.close())); });
  after(async () => { await Promise.all([server.close(), other.close()]); });

  it('prologue statements applied before each send', async () => {
    const ctx = ctxFor(`@key = v1\n# @session-header X-Api: {{key}}\n###\nGET ${base}/a\n###\nGET ${base}/b\n`);
    await runNamed(ctx, 0);
    ctx.sessions.get('default').setDefaultHeader('X-Api', 'edited in the tree');
    await runNamed(ctx, 1);
    assert.deepEqual(server.requests.map((r) => headerValues(r, 'x-api')), [['v1'], ['v1']]);
  });

  it('a prologue and a request block that set the same header undo each other', async () => {
    const ctx = ctxFor(`# @session-header X-Mode: prologue\n###\n# @session-header X-Mode: block\nGET ${base}/a\n###\nGET ${base}/b\n`);
    await runAll(ctx);
    assert.deepEqual(server.requests.map((r) => headerValues(r, 'x-mode')), [['prologue'], ['prologue']]);
    assert.equal(ctx.sessions.get('default').defaultHeaders.get('x-mode'), 'prologue');
  });

  it('request-block statements applied after a <400 response only, and can use the same request\'s named response', async () => {
    const ctx = ctxFor([
      '# @name login', '# @session-header Authorization: Bearer {{login.response.body.$.token}}', `POST ${base}/login`, '',
      '###', '# @session-header X-Denied: yes', `GET ${base}/unauthorized`, '',
      '###', `GET ${base}/me`, '',
    ].join('\n'));
    const results = await runAll(ctx);
    assert.deepEqual(results.map((r) => r.exchange?.response?.status), [200, 401, 200]);
    assert.deepEqual(headerValues(server.requests[0], 'authorization'), [], 'the login itself is sent without it');
    assert.deepEqual(headerValues(server.requests[2], 'authorization'), ['Bearer tok-1']);
    assert.deepEqual(headerValues(server.requests[2], 'x-denied'), []);
    assert.deepEqual(headerValues(server.requests[2], 'cookie'), ['sid=s1']);
  });

  it('directive values are resolved when applied, and the resolved value is what the session keeps', async () => {
    const ctx = ctxFor(`# @session-header X-Env: {{stage}}-{{$timestamp}}\n###\nGET ${base}/a\n`, { environment: { stage: 'dev' } });
    await runNamed(ctx, 0);
    const kept = ctx.sessions.get('default').defaultHeaders.get('x-env') ?? '';
    assert.match(kept, /^dev-\d{10}$/);
    assert.deepEqual(headerValues(server.requests[0], 'x-env'), [kept]);
  });

  it('@session-auth basic USER PASS and bearer TOKEN set the one Authorization slot, the last applied wins', async () => {
    const ctx = ctxFor([
      '# @session-auth basic {{user}} {{pass}}', `GET ${base}/one`, '',
      '###', '# @session-auth bearer T0K', `GET ${base}/two`, '',
      '###', `GET ${base}/three`, '',
    ].join('\n'), { environment: { user: 'alice', pass: 'p w' } });
    await runAll(ctx);
    assert.deepEqual(ctx.sessions.get('default').defaultHeaders.toList(), [['Authorization', 'Bearer T0K']]);
    assert.deepEqual(headerValues(server.requests[1], 'authorization'), [`Basic ${Buffer.from('alice:p w').toString('base64')}`]);
    assert.deepEqual(headerValues(server.requests[2], 'authorization'), ['Bearer T0K']);
  });

  it('request Authorization wins over session auth, for that request only', async () => {
    const ctx = ctxFor(`# @session-auth bearer SESSION\n###\nGET ${base}/a\nAuthorization: Basic bWluZTpwdw==\n\n###\nGET ${base}/b\n`);
    await runAll(ctx);
    assert.deepEqual(server.requests.map((r) => headerValues(r, 'authorization')), [['Basic bWluZTpwdw=='], ['Bearer SESSION']]);
  });

  it('@no-session-header leaves a session default out (session auth included)', async () => {
    const ctx = ctxFor(`# @session-auth bearer SESSION\n# @session-header X-Trace: 1\n###\n# @no-session-header Authorization\nGET ${base}/a\n###\n# @no-session-header x-trace\nGET ${base}/b\n`);
    await runAll(ctx);
    assert.deepEqual(server.requests.map((r) => [headerValues(r, 'authorization'), headerValues(r, 'x-trace')]), [[[], ['1']], [['Bearer SESSION'], []]]);
  });

  it('settings default headers are the base layer below the session\'s', async () => {
    const ctx = ctxFor(`# @session-header X-Both: session\n###\nGET ${base}/a\n`, {}, { defaultHeaders: [['X-Both', 'settings'], ['X-Settings', 's']] });
    await runNamed(ctx, 0);
    assert.deepEqual([headerValues(server.requests[0], 'x-both'), headerValues(server.requests[0], 'x-settings')], [['session'], ['s']]);
  });

  it('@session NAME runs a request and the prologue\'s statements in a separate jar and defaults', async () => {
    const ctx = ctxFor([
      '# @session-header X-File: 1', '###',
      '# @session alice', `POST ${base}/login`, '',
      '###', `GET ${base}/as-default`, '',
      '###', '# @session alice', `GET ${base}/as-alice`, '',
    ].join('\n'));
    const results = await runAll(ctx);
    assert.deepEqual(results.map((r) => r.sessionName), ['alice', 'default', 'alice']);
    assert.deepEqual(server.requests.map((r) => headerValues(r, 'cookie')), [[], [], ['sid=s1']]);
    assert.deepEqual(ctx.sessions.names(), ['default', 'alice']);
    assert.equal(ctx.sessions.get('alice').defaultHeaders.get('x-file'), '1');
  });

  it('@session NAME in the prologue makes NAME the default session of every request of the file', async () => {
    const ctx = ctxFor(`# @session bob\n###\nPOST ${base}/login\n###\n# @session default\nGET ${base}/b\n`);
    const results = await runAll(ctx);
    assert.deepEqual(results.map((r) => r.sessionName), ['bob', 'default']);
    assert.equal(ctx.sessions.get('bob').listCookies().length, 1);
    assert.equal(ctx.sessions.get('default').listCookies().length, 0);
  });

  it('an input error returns RunResult.error with nothing sent and the session unchanged', async () => {
    const ctx = ctxFor(`# @session-header X-P: 1\n###\nGET ${base}/a?q={{missing}}\n`);
    const result = await runNamed(ctx, 0);
    assert.equal(result.error?.code, 'UNRESOLVED_VARIABLE');
    assert.match(result.error?.describe() ?? '', /missing/);
    assert.equal(result.exchange, undefined);
    assert.equal(server.requests.length, 0);
    assert.deepEqual(ctx.sessions.get('default').defaultHeaders.toList(), []);
  });

  it('a header holding CR or LF once variables are resolved is an error naming the line; nothing is sent', async () => {
    const ctx = ctxFor(`GET ${base}/a\nX-Evil: {{evil}}\n`, { environment: { evil: 'a\r\nInjected: 1' } });
    const result = await runNamed(ctx, 0);
    assert.equal(result.error?.code, 'INVALID_HEADER');
    assert.equal(result.error?.location?.line, 1);
    assert.equal(server.requests.length, 0);
  });

  it('@prompt values are asked through ctx.prompt, masked for secret names', async () => {
    const asked: Array<[string, string, boolean]> = [];
    const ctx = ctxFor(`# @prompt user Your user name\n# @prompt password\nGET ${base}/a?u={{user}}&p={{password}}\n`, {
      prompt: async (name, description, masked) => { asked.push([name, description, masked]); return `${name}-answer`; },
    });
    await runNamed(ctx, 0);
    assert.deepEqual(asked, [['user', 'Your user name', false], ['password', '', true]]);
    assert.equal(server.requests[0].url, '/a?u=user-answer&p=password-answer');
  });

  it('a cancelled @prompt is a CANCELLED error and nothing is sent', async () => {
    const ctx = ctxFor(`# @prompt token\nGET ${base}/a?t={{token}}\n`, { prompt: async () => undefined });
    const result = await runNamed(ctx, 0);
    assert.equal(result.error?.code, 'CANCELLED');
    assert.equal(server.requests.length, 0);
  });

  it('@timeout in ms or like 1s bounds the request (TIMEOUT)', async () => {
    const ctx = ctxFor(`# @timeout 150\nGET ${base}/delay?ms=1500\n###\n# @timeout 1s\nGET ${base}/delay?ms=50\n`);
    const [slow, fast] = [await runNamed(ctx, 0), await runNamed(ctx, 1)];
    assert.equal(slow.error?.code, 'TIMEOUT');
    assert.equal(slow.exchange?.response, undefined);
    assert.equal(fast.exchange?.response?.status, 200);
  });

  it('a malformed @timeout is a PARSE error naming its line', async () => {
    const ctx = ctxFor(`# @timeout soon\nGET ${base}/a\n`);
    const result = await runNamed(ctx, 0);
    assert.equal(result.error?.code, 'PARSE');
    assert.equal(result.error?.location?.line, 0);
  });

  it('@no-redirect shows the redirect response itself', async () => {
    const ctx = ctxFor(`# @no-redirect\nGET ${base}/redirect?to=/final\n`);
    const result = await runNamed(ctx, 0);
    assert.equal(result.exchange?.response?.status, 302);
    assert.equal(server.requests.length, 1);
  });

  it('@no-cookie-jar neither sends nor stores', async () => {
    const ctx = ctxFor(`POST ${base}/login\n###\n# @no-cookie-jar\nGET ${base}/a?c=x%3D1\n`);
    await runAll(ctx);
    assert.deepEqual(headerValues(server.requests[1], 'cookie'), []);
    assert.deepEqual(ctx.sessions.get('default').listCookies().map((c) => c.name), ['sid']);
  });

  it('@insecure skips TLS verification through the session\'s separate pool', async () => {
    const tls = await startTlsServer(appHandler);
    try {
      const ctx = ctxFor(`GET ${tls.url}/a\n###\n# @insecure\nGET ${tls.url}/b\n`);
      const [verified, insecure] = [await runNamed(ctx, 0), await runNamed(ctx, 1)];
      assert.equal(verified.error?.code, 'TLS');
      assert.equal(insecure.exchange?.response?.status, 200);
    } finally {
      await tls.close();
    }
  });

  it('# @name keeps the response in the session, readable from another file', async () => {
    const login = ctxFor(`# @name login\nPOST ${base}/login\n`);
    await runNamed(login, 0);
    const useIt = contextFor(`GET ${base}/a\nX-Token: {{login.response.body.$.token}}\n`, { sessions: login.sessions, filePath: '/tmp/other.http' });
    await runNamed(useIt, 0);
    assert.deepEqual(headerValues(server.requests[1], 'x-token'), ['tok-1']);
    assert.equal(login.sessions.get('default').namedResponses.get('login')?.request.method, 'POST');
  });

  it('rejected cookies become warnings beside a successful response', async () => {
    const ctx = ctxFor(`GET ${base}/a?c=bad%3D1%3B%20Domain%3Dexample.com\n`);
    const result = await runNamed(ctx, 0);
    assert.equal(result.exchange?.response?.status, 200);
    assert.equal(result.error, undefined);
    assert.deepEqual(result.warnings, [`Cookie rejected: "bad=1; Domain=example.com" from ${base}/a?c=bad%3D1%3B%20Domain%3Dexample.com: its Domain example.com does not cover the host 127.0.0.1.`]);
  });

  it('runFile stops at the first request without a response; the session keeps what it gathered', async () => {
    const closed = await startServer(appHandler);
    const dead = closed.url;
    await closed.close();
    const ctx = ctxFor(`POST ${base}/login\n###\nGET ${dead}/x\n###\nGET ${base}/never\n`);
    const results = await runAll(ctx);
    assert.equal(results.length, 2);
    assert.equal(results[1].error?.code, 'REFUSED');
    assert.deepEqual(server.requests.map((r) => r.url), ['/login']);
    assert.equal(ctx.sessions.get('default').listCookies().length, 1);
  });

  it('the session change event fires once after each request that changed the session', async () => {
    const ctx = ctxFor(`GET ${base}/a?c=one%3D1\n###\nGET ${base}/b?c=two%3D2\n`);
    let events = 0;
    ctx.sessions.onDidChange(() => { events += 1; });
    await runNamed(ctx, 0);
    assert.equal(events, 1);
    await runNamed(ctx, 1);
    assert.equal(events, 2);
  });

  it('credentials from session auth do not follow a cross-host redirect', async () => {
    const ctx = ctxFor(`# @session-auth bearer SECRET\n###\nGET ${base}/redirect?to=${encodeURIComponent(`${other.url}/landing`)}\n`);
    const result = await runNamed(ctx, 0);
    assert.equal(result.exchange?.response?.status, 200);
    assert.deepEqual(headerValues(server.requests[0], 'authorization'), ['Bearer SECRET']);
    assert.deepEqual(headerValues(other.requests[0], 'authorization'), []);
  });
});
