import { runScriptIsolated } from '../scripts/runIsolated';
import { DEFAULT_SCRIPT_LIMITS } from '../scripts/types';
import type { GlobalStore, ScriptEnvironment, ScriptLimits } from '../scripts/types';

/** Tests a `matches` pattern against a value; rejects with a plain reason when the pattern cannot be run. */
export type RegexMatcher = (pattern: string, flags: string, value: string) => Promise<boolean>;

const NO_GLOBALS: GlobalStore = {
  get: () => undefined,
  set: () => undefined,
  delete: () => undefined,
  clear: () => undefined,
  size: () => 0,
  entries: () => [],
};

/**
 * `new RegExp(pattern, flags).test(value)` run inside the QuickJS sandbox under `limits`, never on the host:
 * the pattern comes from a `.http` file (maybe a cloned repository's), and a backtracking one like `(a+)+$`
 * against a long text would hold the extension host or the CLI for minutes. Over the time limit, or with a
 * pattern that does not compile, it rejects with a reason ("stopped after 5 s (the script time limit)").
 */
export async function sandboxedRegexTest(pattern: string, flags: string, value: string, limits: ScriptLimits = DEFAULT_SCRIPT_LIMITS): Promise<boolean> {
  const env: ScriptEnvironment = {
    kind: 'pre-request',
    request: { method: '', rawUrl: '', url: '', rawBody: '', body: '', headers: [] },
    environment: {},
    globals: NO_GLOBALS,
    requestVariables: new Map(),
  };
  const code = `client.log(new RegExp(${JSON.stringify(pattern)}, ${JSON.stringify(flags)}).test(${JSON.stringify(value)}) ? "1" : "0");`;
  const run = await runScriptIsolated({ code, start: { file: 'regex', line: 0, column: 0 } }, env, limits);
  if (run.failure) throw new Error(run.failure.message);
  return run.logs[0] === '1';
}
