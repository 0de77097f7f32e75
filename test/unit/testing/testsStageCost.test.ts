import * as assert from 'node:assert/strict';
import { fileRequestSource } from '../../../src/core/runner/fileRequestSource';
import type { PrepareStage } from '../../../src/core/runner/pipelineTypes';
import { afterResponse, PREPARE_STAGES, prepareRequest, sendPrepared } from '../../../src/core/runner/requestPipeline';
import type { RunResult } from '../../../src/core/runner/types';
import { testsStage } from '../../../src/core/testing/testStages';
import { startServer } from '../../support/startServer';
import type { TestServer } from '../../support/startServer';
import { appHandler, contextFor } from '../runner/runnerSupport';

/** Counts the resolver's expansions from the moment the request was built (what the tests stage adds). */
function countingStages(counter: { expansions: number; counting: boolean }): PrepareStage[] {
  const counting: PrepareStage = {
    name: 'count-expansions',
    run(draft) {
      const inner = draft.resolver!;
      draft.resolver = { expand: (text, line) => { if (counter.counting) counter.expansions++; return inner.expand(text, line); } };
    },
  };
  const at = PREPARE_STAGES.findIndex((s) => s.name === 'variables') + 1;
  return [...PREPARE_STAGES.slice(0, at), counting, ...PREPARE_STAGES.slice(at)];
}

/** Sends the file's only request through the real pipeline and returns its result and the tests stage's expansions. */
async function testsStageOf(text: string): Promise<{ result: RunResult; expansions: number }> {
  const ctx = contextFor(text);
  const block = ctx.file.requests[0];
  const counter = { expansions: 0, counting: false };
  const result: RunResult = { request: block, filePath: ctx.filePath, sessionName: 'default', warnings: [], tests: [], logs: [] };
  const prepared = await prepareRequest(fileRequestSource(ctx, block), ctx, { sending: true, report: result, stages: countingStages(counter) });
  const exchange = await sendPrepared(prepared);
  counter.counting = true;
  await afterResponse({ prepared, exchange, report: result }, [testsStage]);
  await ctx.sessions.close();
  return { result, expansions: counter.expansions };
}

describe('the tests stage costs nothing for a request without scripts or ?? lines', () => {
  let server: TestServer;
  before(async () => { server = await startServer(appHandler); });
  after(() => server.close());

  it('a request with neither handler nor ?? line gets "got a response" without its text being expanded again', async () => {
    const { result, expansions } = await testsStageOf(`@base = ${server.url}\nGET {{base}}/a?x={{base}}\nX-Base: {{base}}\n`);
    assert.deepEqual(result.tests.map((t) => [t.kind, t.name, t.passed, t.location.line]), [['response', 'got a response', true, 1]]);
    assert.equal(expansions, 0);
  });

  it('a ?? line is checked without building the script view (only its expected value is expanded)', async () => {
    const { result, expansions } = await testsStageOf(`@base = ${server.url}\n@code = 200\nGET {{base}}/a\nX-Base: {{base}}\n?? status == {{code}}\n`);
    assert.deepEqual(result.tests.map((t) => [t.kind, t.name, t.passed]), [['assertion', 'status == {{code}}', true]]);
    assert.equal(expansions, 1);
  });

  it('a response handler still sees the request as resolved (URL, headers)', async () => {
    const { result, expansions } = await testsStageOf(`@base = ${server.url}\nGET {{base}}/a\nX-Base: {{base}}\n> {% client.test("sees the request", () => client.assert(request.url() === "${server.url}/a" && request.headers.findByName("X-Base").getRawValue() === "{{base}}")); %}\n`);
    assert.deepEqual(result.tests.map((t) => [t.kind, t.name, t.passed, t.message]), [['script-test', 'sees the request', true, undefined]]);
    assert.ok(expansions >= 2, `${expansions} expansions`);
  });

  it('a request that got no response fails its implicit test with the reason', async () => {
    const { result } = await testsStageOf('GET http://127.0.0.1:1/nothing-listens\n');
    assert.equal(result.tests.length, 1);
    assert.equal(result.tests[0].passed, false);
    assert.match(result.tests[0].message ?? '', /^no response: /);
  });
});
