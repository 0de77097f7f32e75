import { HttpSessionError } from '../errors';
import type { AfterResponseStage, PrepareStage, RequestSource, RunReport } from '../runner/pipelineTypes';
import { need } from '../runner/prepareStages';
import { afterResponseChecks, hasResponseChecks, preRequestChecks, scriptSetting } from './requestTests';
import { implicitTests, noResponseTests } from './responseChecks';
import { saveResponseBody } from './saveResponse';

/**
 * Pre-request stage: the request's `< {% %}` / `< ./file.js` scripts, after its variable sources exist and
 * before its `{{…}}` are resolved (request.variables feed them). Only when sending: Copy as cURL runs no script.
 * A script whose own code threw or hit a limit stops the send (SCRIPT): what it meant to set up is missing,
 * so the request would go out wrong. A failed `client.test` in it does not.
 */
export const preRequestScriptsStage: PrepareStage = {
  name: 'pre-request-scripts',
  onlyWhenSending: true,
  async run(draft) {
    if (!draft.source.hasTests || !draft.source.block.preRequestScripts?.length) return;
    const sources = need(draft, 'sources');
    const pre = await preRequestChecks(draft.source.block, scriptSetting(draft.session, sources, draft.ctx.scriptLimits), need(draft, 'resolver'));
    draft.report.tests.push(...pre.tests);
    draft.report.logs.push(...pre.logs);
    const failed = pre.tests.find((t) => t.kind === 'pre-request-script' && !t.passed);
    if (failed) throw new HttpSessionError('SCRIPT', `The pre-request script failed, so the request was not sent: ${failed.message ?? 'it stopped'}`);
  },
};

/** After-response stage: response handlers (globals go into the session), then `??` lines, then the implicit test. */
export const testsStage: AfterResponseStage = {
  name: 'tests',
  async run({ prepared, exchange, report }) {
    if (!prepared.source.hasTests) return;
    const block = prepared.source.block;
    // Most requests have no handler, no `??` line and no `>>`: their one test costs no script view or setting.
    if (!hasResponseChecks(block) && block.saveResponse === undefined) {
      report.tests.push(...implicitTests(block, prepared.source.filePath, exchange));
      return;
    }
    // The same requestVariables map as the pre-request stage's: it lives in the variable sources.
    const setting = scriptSetting(prepared.session, prepared.sources, prepared.ctx.scriptLimits);
    const save = block.saveResponse;
    if (save !== undefined && exchange.response !== undefined) {
      await saveResponseBody(save, exchange.response, setting.scope).catch((error: unknown) => {
        report.warnings.push(`The response body was not saved: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    const post = await afterResponseChecks(block, exchange, setting, prepared.resolver);
    report.tests.push(...post.tests);
    report.logs.push(...post.logs);
  },
};

/**
 * A request that was never sent fails every test it declares (or its implicit one), with `error`'s message.
 * After a failed pre-request script that failure is the request's test already: no implicit one is added.
 */
export function notSentTests(source: RequestSource, error: HttpSessionError, report: RunReport): void {
  if (!source.hasTests) return;
  const tests = noResponseTests(source.block, source.filePath, error.message);
  report.tests.push(...(error.code === 'SCRIPT' ? tests.filter((t) => t.kind !== 'response') : tests));
}
