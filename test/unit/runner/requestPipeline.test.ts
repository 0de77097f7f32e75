import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requestAsSent } from '../../../src/core/curl/requestAsSent';
import { getHeader } from '../../../src/core/http/headerList';
import type { Exchange } from '../../../src/core/http/types';
import { fileRequestSource } from '../../../src/core/runner/fileRequestSource';
import type { PrepareStage, SendWrapper } from '../../../src/core/runner/pipelineTypes';
import { buildStage } from '../../../src/core/runner/prepareStages';
import {
  AFTER_RESPONSE_STAGES,
  afterResponse,
  PREPARE_STAGES,
  prepareRequest,
  sendPrepared,
} from '../../../src/core/runner/requestPipeline';
import { runRequest } from '../../../src/core/runner/runRequest';
import { createResolver } from '../../../src/core/variables/createResolver';
import { startServer, type TestServer } from '../../support/startServer';
import { contextFor } from './runnerSupport';

/** GET /challenge: 401 with Set-Cookie nonce=n1 unless an Authorization header came; then 200. Others: 200 `ok`. */
function challengeServer(): Promise<TestServer> {
  return startServer((req, res) => {
    req.resume();
    if (req.url === '/challenge' && !req.headers.authorization) {
      res.writeHead(401, { 'Set-Cookie': 'nonce=n1; Path=/', 'WWW-Authenticate': 'Test realm="x"' });
      res.end();
      return;
    }
    res.end('ok');
  });
}

describe('the request pipeline (one list of stages for the runner, Copy as cURL and history re-send)', () => {
  let server: TestServer;
  before(async () => {
    server = await challengeServer();
  });
  after(() => server.close());

  it('the module JSDoc names the prepare and after-response stages in the order they run', () => {
    const doc = fs.readFileSync(path.join(__dirname, '../../../src/core/runner/requestPipeline.ts'), 'utf8');
    const listed = (label: string): string[] => (new RegExp(`${label}\\s+(.+)`).exec(doc)?.[1] ?? '').split('→').map((s) => s.trim());
    assert.deepEqual(listed('PREPARE_STAGES'), PREPARE_STAGES.map((stage) => stage.name));
    assert.deepEqual(listed('AFTER_RESPONSE_STAGES'), AFTER_RESPONSE_STAGES.map((stage) => stage.name));
  });

  it('Copy as cURL keeps a session default the prologue replaces in the place the sent request has it', async () => {
    const ctx = contextFor(`# @session-header X-A: new\n###\nGET ${server.url}/order\n`);
    const session = ctx.sessions.get('default');
    session.setDefaultHeader('X-A', 'old');
    session.setDefaultHeader('X-B', 'b');
    const shown = await requestAsSent(ctx, ctx.file.requests[0]);
    assert.equal(session.defaultHeaders.get('X-A'), 'old', 'preparing must not apply the prologue');
    const result = await runRequest(ctx, ctx.file.requests[0]);
    assert.equal(result.error, undefined, result.error?.describe());
    assert.deepEqual(shown.headers, result.exchange?.hops[0].request.headers);
    assert.deepEqual(shown.headers, [['X-A', 'new'], ['X-B', 'b']]);
  });

  it('Copy as cURL skips the stages that only run when sending: a # @note request is shown without asking', async () => {
    const ctx = contextFor(`# @note deletes everything\nDELETE ${server.url}/all\n`);
    const shown = await requestAsSent(ctx, ctx.file.requests[0]);
    assert.equal(shown.method, 'DELETE');
    const sent = await runRequest(ctx, ctx.file.requests[0]);
    assert.equal(sent.error?.code, 'CONFIRMATION');
  });

  it('a stage inserted after `variables` (where a pre-request script goes) feeds the build and every later stage', async () => {
    const ctx = contextFor(`GET ${server.url}/vars\nX-Token: {{token}}\n`);
    const script: PrepareStage = {
      name: 'pre-request-script',
      run(draft) {
        draft.sources = { ...draft.sources!, overrides: { token: 'from-script' } };
        draft.resolver = createResolver(draft.sources);
      },
    };
    const after = PREPARE_STAGES.findIndex((stage) => stage.name === 'variables') + 1;
    const stages = [...PREPARE_STAGES.slice(0, after), script, ...PREPARE_STAGES.slice(after)];
    const prepared = await prepareRequest(fileRequestSource(ctx, ctx.file.requests[0]), ctx, { sending: false, stages });
    assert.equal(getHeader(prepared.asSent.headers, 'x-token'), 'from-script');
  });

  it('a stage that reads what an earlier stage sets fails naming the field when that stage is missing', async () => {
    const ctx = contextFor(`GET ${server.url}/x\n`);
    await assert.rejects(prepareRequest(fileRequestSource(ctx, ctx.file.requests[0]), ctx, { sending: false, stages: [buildStage] }), /'resolver' is read before the stage that sets it ran/);
  });

  it('a send wrapper can answer a 401 by sending again, and the retry carries the cookie the 401 set', async () => {
    const ctx = contextFor(`GET ${server.url}/challenge\n`);
    const answer: SendWrapper = {
      name: 'answer-challenge',
      wrap: (next) => async (request, prepared) => {
        const first = await next(request, prepared);
        if (first.response?.status !== 401) return first;
        return next({ ...request, headers: [...request.headers, ['Authorization', 'Test answer']] }, prepared);
      },
    };
    const before = server.requests.length;
    const prepared = await prepareRequest(fileRequestSource(ctx, ctx.file.requests[0]), ctx, { sending: true });
    const exchange = await sendPrepared(prepared, [answer]);
    assert.equal(exchange.response?.status, 200);
    const arrived = server.requests.slice(before);
    assert.equal(arrived.length, 2);
    const retry = new Map(arrived[1].headers.map(([name, value]) => [name.toLowerCase(), value]));
    assert.equal(retry.get('authorization'), 'Test answer');
    assert.equal(retry.get('cookie'), 'nonce=n1');
  });

  it('the send step applies the prologue to the session before sending, never while preparing', async () => {
    const ctx = contextFor(`# @session-header X-P: 1\n###\nGET ${server.url}/p\n`);
    const prepared = await prepareRequest(fileRequestSource(ctx, ctx.file.requests[0]), ctx, { sending: true });
    assert.equal(prepared.session.defaultHeaders.get('X-P'), undefined);
    await sendPrepared(prepared);
    assert.equal(prepared.session.defaultHeaders.get('X-P'), '1');
  });

  it('after-response stages run when no response came, so an assertion can fail the request', async () => {
    const closed = await startServer((_req, res) => { res.end(); });
    const url = closed.url;
    await closed.close();
    const ctx = contextFor(`GET ${url}/gone\n`);
    const prepared = await prepareRequest(fileRequestSource(ctx, ctx.file.requests[0]), ctx, { sending: true });
    const exchange = await sendPrepared(prepared);
    const seen: Exchange[] = [];
    await afterResponse({ prepared, exchange, report: { warnings: [], tests: [], logs: [] } }, [...AFTER_RESPONSE_STAGES, { name: 'assertions', run: (done) => { seen.push(done.exchange); } }]);
    assert.equal(seen.length, 1);
    assert.equal(seen[0].response, undefined);
    assert.equal(seen[0].error?.code, 'REFUSED');
  });
});
