import * as path from 'node:path';
import type { RunResult } from '../../core/runner/types';
import type { RequestTest, TestLocation } from '../../core/testing/types';
import type { TestRow, TestsView } from '../../shared/protocol';

/** `api.http:12` (1-based line), as the Tests tab names a place. */
export function whereOf(location: TestLocation): string {
  return `${path.basename(location.file)}:${location.line + 1}`;
}

function testRow(test: RequestTest): TestRow {
  return {
    name: test.name,
    passed: test.passed,
    scriptError: test.kind === 'response-handler' || test.kind === 'pre-request-script',
    message: test.message,
    expected: test.expected,
    actual: test.actual,
    where: whereOf(test.failureLocation ?? test.location),
  };
}

/** The result's tests and `client.log` output for the response view. */
export function buildTestsView(result: Pick<RunResult, 'tests' | 'logs'>): TestsView {
  const tests = (result.tests ?? []).map(testRow);
  const logs = (result.logs ?? []).map((log) => ({ text: log.text, where: whereOf(log.location) }));
  const onlyImplicit = (result.tests ?? []).every((t) => t.kind === 'response');
  return { tests, logs, show: logs.length > 0 || !onlyImplicit };
}
