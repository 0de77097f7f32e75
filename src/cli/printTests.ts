import { countTests } from '../core/testing/types';
import type { RequestTest, ScriptLog } from '../core/testing/types';
import type { CliIo } from './cliIo';

/** Under a response in `send`: each test with ✔ or ✘ (and its failure text), then the scripts' client.log lines. */
export function printTests(tests: readonly RequestTest[], logs: readonly ScriptLog[], io: CliIo): void {
  for (const log of logs) io.out(io.style('dim', `log: ${log.text}`));
  // The implicit "got a response" alone says nothing the status line does not.
  if (tests.length === 0 || (tests.length === 1 && tests[0].kind === 'response' && tests[0].passed)) return;
  const { passed, failed } = countTests(tests);
  io.out(io.style('bold', `Tests: ${passed} passed, ${failed} failed`));
  for (const t of tests) {
    if (t.passed) io.out(`  ${io.style('green', '✔')} ${t.name}`);
    else io.out(`  ${io.style('red', '✘')} ${t.name}${t.message ? io.style('red', ` — ${t.message}`) : ''}`);
  }
}
