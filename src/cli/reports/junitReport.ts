import junit from 'junit-report-builder';
import type { TestRunReport } from '../../core/testing/testReport';

/**
 * JUnit XML as CI systems read it (GitHub, GitLab, Jenkins, Azure): one `testsuite` per file, one `testcase`
 * per test with `classname` = the request's label, `file` and `line` (1-based) attributes, and a `failure`
 * whose message is the failure text and whose body holds expected and actual.
 */
export function junitReport(report: TestRunReport): string {
  const builder = junit.newBuilder();
  for (const file of report.files) {
    const suite = builder.testSuite().name(file.file);
    for (const problem of file.problems) suite.testCase().className(file.file).name('file problem').file(file.file).error(problem);
    for (const request of file.requests) {
      const output = request.logs.map((l) => l.text).join('\n');
      for (const [i, test] of request.tests.entries()) {
        const c = suite.testCase().className(request.label).name(test.name).file(test.location.file === file.path ? file.file : test.location.file);
        // The library has no setter for `line`; its attributes object is where every other attribute goes.
        (c as unknown as { _attributes: Record<string, unknown> })._attributes.line = test.location.line + 1;
        // The request's client.log output goes with its first test, so counts match the run's closing line.
        if (i === 0 && output !== '') c.standardOutput(output);
        if (test.passed) continue;
        c.failure(test.message ?? 'failed', test.kind);
        const detail = [test.expected !== undefined ? `expected: ${test.expected}` : '', test.actual !== undefined ? `actual: ${test.actual}` : '', test.message ?? ''].filter(Boolean);
        c.stacktrace(detail.join('\n'));
      }
    }
  }
  return builder.build();
}
