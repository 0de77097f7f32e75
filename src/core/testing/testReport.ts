import type { RunResult } from '../runner/types';
import type { RequestTest, ScriptLog } from './types';

/** One request of a test run, as the reports show it. */
export interface RequestReport {
  /** `###` title, else `# @name`, else `METHOD URL` as written. */
  label: string;
  method: string;
  url: string;
  /** 0-based line of the request line. */
  line: number;
  /** HTTP status, or null when no response arrived. */
  status: number | null;
  statusText: string | null;
  ms: number;
  tests: RequestTest[];
  logs: ScriptLog[];
  /** Why nothing came back, or what was wrong with the request (nothing sent). */
  error?: string;
  /** The response body as text (the HTML report shows it escaped), capped. */
  body?: string;
}

/** One file of a test run. */
export interface FileReport {
  /** The path as the user gave it (relative to where the run started). */
  file: string;
  /** Absolute path. */
  path: string;
  requests: RequestReport[];
  /** File problems (parse errors, a broken environment), each `file:line:col: message`. */
  problems: string[];
}

/** A whole `http-session test` run. */
export interface TestRunReport {
  files: FileReport[];
  passed: number;
  failed: number;
  startedAt: string;
  ms: number;
}

const MAX_REPORTED_BODY = 64 * 1024;

/** The report entry of one result (`label` as the CLI heads it). */
export function requestReport(result: RunResult, label: string): RequestReport {
  const exchange = result.exchange;
  const response = exchange?.response;
  const first = exchange?.hops[0]?.request;
  const report: RequestReport = {
    label,
    method: first?.method ?? result.request.method,
    url: first?.url ?? result.request.url,
    line: result.request.requestLine,
    status: response?.status ?? null,
    statusText: response?.statusText ?? null,
    ms: Math.round(exchange?.timings.totalMs ?? 0),
    tests: result.tests,
    logs: result.logs,
  };
  const error = result.error ?? exchange?.error;
  if (error) report.error = error.message;
  if (response) {
    const text = Buffer.from(response.body.subarray(0, MAX_REPORTED_BODY)).toString('utf8');
    report.body = response.body.length > MAX_REPORTED_BODY ? `${text}\n… (${response.body.length} bytes in all)` : text;
  }
  return report;
}

/** Totals over every test of every request. */
export function totals(files: readonly FileReport[]): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const f of files) for (const r of f.requests) for (const t of r.tests) t.passed ? passed++ : failed++;
  return { passed, failed };
}
