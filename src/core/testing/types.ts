/** A request's tests, as the CLI, the reports and the editor's Testing view show them. Lines/columns 0-based. */

/** Where a test is written or where it failed. */
export interface TestLocation {
  /** Absolute path of the `.http` file, or of the `.js` handler file. */
  file: string;
  line: number;
  column: number;
}

/**
 * What a test is (design page "What a test is"): a `??` line, a `client.test(...)`, the failure of a script's
 * own code ("response handler" / "pre-request script"), or the implicit "got a response" of a request that
 * has neither `??` lines nor `client.test`.
 */
export type RequestTestKind = 'assertion' | 'script-test' | 'response-handler' | 'pre-request-script' | 'response';

/** One test of one request and its result. */
export interface RequestTest {
  kind: RequestTestKind;
  /** `status == 200` for a `??` line, the `client.test` name, "response handler", "pre-request script", "got a response". */
  name: string;
  passed: boolean;
  /** Failure text, e.g. `status: expected == 201, actual 200` or `api.http:7:3: TypeError: …`. */
  message?: string;
  /** For `??` failures and passes: the expected side as checked and the actual value, as text. */
  expected?: string;
  actual?: string;
  /** Where the test is written: the `??` line, the `client.test` call, the script's first line, the request line. */
  location: TestLocation;
  /** Where it failed when that is elsewhere (the `client.assert` line, the throwing line of a script). */
  failureLocation?: TestLocation;
}

/** A `client.log` line with the script it came from. */
export interface ScriptLog {
  text: string;
  location: TestLocation;
}

/** Everything the scripts and assertions of one request produced. */
export interface RequestChecks {
  tests: RequestTest[];
  logs: ScriptLog[];
}

/** Counts over tests: `N passed, M failed`. */
export function countTests(tests: readonly RequestTest[]): { passed: number; failed: number } {
  let passed = 0;
  for (const t of tests) if (t.passed) passed++;
  return { passed, failed: tests.length - passed };
}
