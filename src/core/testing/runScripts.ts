import type { ScriptRef } from '../parser/types';
import { runScriptIsolated } from '../scripts/runIsolated';
import { formatPosition } from '../scripts/scriptFailure';
import type { GlobalStore, ScriptEnvironment, ScriptLimits, ScriptRequestView, ScriptResponseView, ScriptRun } from '../scripts/types';
import type { BodyFileScope } from '../variables/readBodyFile';
import { loadScript } from './loadScript';
import type { RequestChecks, RequestTest, TestLocation } from './types';

/** What a request's scripts run against besides the request and response themselves. */
export interface ScriptSetting {
  scope: BodyFileScope;
  limits: ScriptLimits;
  globals: GlobalStore;
  environment: Record<string, string>;
  /** Filled by pre-request `request.variables.set`; read by the same request's `{{…}}`. */
  requestVariables: Map<string, string>;
}

/**
 * Runs `scripts` in order (each in its own sandbox) and turns what they did into tests: every `client.test`,
 * plus a failed "response handler" / "pre-request script" test when a script's own code threw, hit a limit or
 * could not be read. `client.log` lines come back with their script's place.
 */
export async function runScripts(scripts: readonly ScriptRef[], kind: 'pre-request' | 'response', setting: ScriptSetting, request: ScriptRequestView, response?: ScriptResponseView): Promise<RequestChecks> {
  const checks: RequestChecks = { tests: [], logs: [] };
  const env: ScriptEnvironment = { kind, request, environment: setting.environment, globals: setting.globals, requestVariables: setting.requestVariables };
  if (response !== undefined) env.response = response;
  const failedName = kind === 'response' ? 'response handler' : 'pre-request script';
  const testKind = kind === 'response' ? 'response-handler' : 'pre-request-script';
  for (const ref of scripts) {
    const written: TestLocation = { file: setting.scope.filePath, line: ref.line, column: ref.column };
    let run: ScriptRun;
    try {
      run = await runScriptIsolated(await loadScript(ref, setting.scope), env, setting.limits);
    } catch (error) {
      checks.tests.push({ kind: testKind, name: failedName, passed: false, message: (error as Error).message, location: written });
      continue;
    }
    for (const text of run.logs) checks.logs.push({ text, location: written });
    for (const t of run.tests) checks.tests.push(scriptTest(t));
    if (run.failure) {
      const at = run.failure.position;
      checks.tests.push({ kind: testKind, name: failedName, passed: false, message: `${formatPosition(at)}: ${run.failure.message}`, location: written, failureLocation: at });
    }
  }
  return checks;
}

function scriptTest(t: ScriptRun['tests'][number]): RequestTest {
  const test: RequestTest = { kind: 'script-test', name: t.name, passed: t.passed, location: t.position };
  if (t.message !== undefined) test.message = t.message;
  if (t.failurePosition !== undefined) test.failureLocation = t.failurePosition;
  return test;
}
