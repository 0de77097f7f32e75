/** httpYac-style `??` assertion lines. Lines and columns are 0-based. */

/** What a `??` line checks. */
export type AssertionField = 'status' | 'header' | 'body' | 'duration';

/** Comparison predicates (take an expected value) and checks (take none). */
export type AssertionPredicate =
  | '==' | '!=' | '>' | '>=' | '<' | '<='
  | 'startsWith' | 'endsWith' | 'includes' | 'contains' | 'matches'
  | 'exists' | 'isTrue' | 'isFalse' | 'isNumber' | 'isString' | 'isBoolean' | 'isArray';

/** One parsed `?? field [target] [not] predicate [expected]` line. */
export interface Assertion {
  field: AssertionField;
  /** Header name, or the body's JSONPath (a bare `user.id` is stored as `$.user.id`). */
  target?: string;
  negated: boolean;
  predicate: AssertionPredicate;
  /** Raw expected text (may hold `{{variables}}`); absent for checks like `exists`. */
  expected?: string;
  /** The line as written, trimmed, without `??` (the test's name). */
  text: string;
  line: number;
  /** Column of `??`. */
  column: number;
}

/** What an assertion is checked against. */
export interface AssertionSubject {
  status: number;
  headers: readonly [string, string][];
  /** Body decoded as text. */
  body: string;
  /** Total time in ms. */
  durationMs: number;
}

/** The result of one assertion. */
export interface AssertionOutcome {
  passed: boolean;
  /** The expected side as checked ("== 201", "exists"), variables expanded. */
  expected: string;
  /** The actual value as text ("200", "\"abc\"", "missing"). */
  actual: string;
  /** Failure text: `status: expected == 201, actual 200`. */
  message?: string;
}
