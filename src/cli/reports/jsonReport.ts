import type { TestRunReport } from '../../core/testing/testReport';
import type { TestLocation } from '../../core/testing/types';

/** The `--report-json` document: the run as plain JSON, lines and columns 1-based as editors show them. */
export function jsonReport(report: TestRunReport): string {
  const at = (l: TestLocation): { file: string; line: number; column: number } => ({ file: l.file, line: l.line + 1, column: l.column + 1 });
  return `${JSON.stringify({
    passed: report.passed,
    failed: report.failed,
    startedAt: report.startedAt,
    ms: report.ms,
    files: report.files.map((f) => ({
      file: f.file,
      problems: f.problems,
      requests: f.requests.map((r) => ({
        label: r.label, method: r.method, url: r.url, line: r.line + 1, status: r.status, ms: r.ms, error: r.error ?? null,
        logs: r.logs.map((l) => l.text),
        tests: r.tests.map((t) => ({
          name: t.name, kind: t.kind, passed: t.passed, message: t.message ?? null, expected: t.expected ?? null, actual: t.actual ?? null,
          location: at(t.location), failureLocation: t.failureLocation ? at(t.failureLocation) : null,
        })),
      })),
    })),
  }, null, 2)}\n`;
}
