import type { HttpSessionError } from '../errors';
import type { AfterResponseStage, PrepareStage, RequestSource, RunReport } from '../runner/pipelineTypes';
import { need } from '../runner/prepareStages';
import { afterResponseChecks, preRequestChecks, scriptSetting } from './requestTests';
import { noResponseTests } from './responseChecks';
import { saveResponseBody } from './saveResponse';

/**
 * Pre-request stage: the request's `< {% %}` / `< ./file.js` scripts, after its variable sources exist and
 * before its `{{…}}` are resolved (request.variables feed them). Only when sending: Copy as cURL runs no script.
 */
export const preRequestScriptsStage: PrepareStage = {
  name: 'pre-request-scripts',
  onlyWhenSending: true,
  async run(draft) {
    if (!draft.source.hasTests) return;
    const sources = need(draft, 'sources');
    const pre = await preRequestChecks(draft.source.block, scriptSetting(draft.session, sources, draft.ctx.scriptLimits), need(draft, 'resolver'));
    draft.report.tests.push(...pre.tests);
    draft.report.logs.push(...pre.logs);
  },
};

/** After-response stage: response handlers (globals go into the session), then `??` lines, then the implicit test. */
export const testsStage: AfterResponseStage = {
  name: 'tests',
  async run({ prepared, exchange, report }) {
    if (!prepared.source.hasTests) return;
    // The same requestVariables map as the pre-request stage's: it lives in the variable sources.
    const setting = scriptSetting(prepared.session, prepared.sources, prepared.ctx.scriptLimits);
    const save = prepared.source.block.saveResponse;
    if (save !== undefined && exchange.response !== undefined) {
      await saveResponseBody(save, exchange.response, setting.scope).catch((error: unknown) => {
        report.warnings.push(`The response body was not saved: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    const post = await afterResponseChecks(prepared.source.block, exchange, setting, prepared.resolver);
    report.tests.push(...post.tests);
    report.logs.push(...post.logs);
  },
};

/** A request that was never sent fails every test it declares (or its implicit one), with `error`'s message. */
export function notSentTests(source: RequestSource, error: HttpSessionError, report: RunReport): void {
  if (source.hasTests) report.tests.push(...noResponseTests(source.block, source.filePath, error.message));
}
