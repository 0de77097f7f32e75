import { JSONPath } from 'jsonpath-plus';
import { sandboxedRegexTest } from './sandboxedRegexTest';
import type { RegexMatcher } from './sandboxedRegexTest';
import type { Assertion, AssertionOutcome, AssertionSubject } from './types';

const MISSING = Symbol('missing');
type Actual = unknown;

/**
 * Checks one assertion against a response. `expand` resolves `{{variables}}` in the expected text; the
 * expected value is compared as the actual value's type (a number to a number, text to text). A `matches`
 * pattern runs through `matchRegex` (in the script sandbox by default); when it cannot run (over the time
 * limit, not a valid pattern) this rejects with the reason, `not` or not.
 */
export async function evaluateAssertion(a: Assertion, subject: AssertionSubject, expand: (text: string) => string = (t) => t,
  matchRegex: RegexMatcher = sandboxedRegexTest): Promise<AssertionOutcome> {
  const actual = actualValue(a, subject);
  const expectedText = a.expected === undefined ? undefined : unquote(expand(a.expected));
  const holds = a.predicate === 'matches' ? await matches(a, actual, expectedText ?? '', matchRegex) : check(a, actual, expectedText);
  const passed = a.negated ? !holds : holds;
  const expected = `${a.negated ? 'not ' : ''}${a.predicate}${expectedText === undefined ? '' : ` ${expectedText}`}`;
  const shown = show(actual);
  const outcome: AssertionOutcome = { passed, expected, actual: shown };
  if (!passed) outcome.message = `${fieldLabel(a)}: expected ${expected}, actual ${shown}`;
  return outcome;
}

/** `status`, `header content-type`, `body $.user.id`. */
export function fieldLabel(a: Assertion): string {
  return a.target === undefined ? a.field : `${a.field} ${a.target}`;
}

function actualValue(a: Assertion, s: AssertionSubject): Actual {
  switch (a.field) {
    case 'status':
      return s.status;
    case 'duration':
      return Math.round(s.durationMs);
    case 'header': {
      const name = (a.target ?? '').toLowerCase();
      const found = s.headers.find(([n]) => n.toLowerCase() === name);
      return found === undefined ? MISSING : found[1];
    }
    case 'body':
      return a.target === undefined ? s.body : bodyPath(s.body, a.target);
  }
}

function bodyPath(body: string, path: string): Actual {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return MISSING;
  }
  if (json === null || typeof json !== 'object') return path === '$' ? json : MISSING;
  const matches = JSONPath({ path, json: json as object, wrap: true }) as unknown[];
  if (matches.length === 0) return MISSING;
  return matches.length === 1 ? matches[0] : matches;
}

function check(a: Assertion, actual: Actual, expected: string | undefined): boolean {
  const e = expected ?? '';
  switch (a.predicate) {
    case 'exists': return actual !== MISSING;
    case 'isTrue': return actual === true;
    case 'isFalse': return actual === false;
    case 'isNumber': return typeof actual === 'number';
    case 'isString': return typeof actual === 'string';
    case 'isBoolean': return typeof actual === 'boolean';
    case 'isArray': return Array.isArray(actual);
    case '==': return actual !== MISSING && equals(actual, e);
    case '!=': return actual === MISSING || !equals(actual, e);
    case '>': case '>=': case '<': case '<=': return compare(a.predicate, actual, e);
    case 'startsWith': return text(actual)?.startsWith(e) ?? false;
    case 'endsWith': return text(actual)?.endsWith(e) ?? false;
    case 'includes': case 'contains': return includes(actual, e);
    case 'matches': throw new Error('matches is checked by matchRegex');
  }
}

function equals(actual: Actual, e: string): boolean {
  if (typeof actual === 'number') return e.trim() !== '' && Number(e) === actual;
  if (typeof actual === 'boolean') return String(actual) === e;
  if (actual === null) return e === 'null';
  if (typeof actual === 'string') return actual === e;
  try {
    return JSON.stringify(actual) === JSON.stringify(JSON.parse(e));
  } catch {
    return JSON.stringify(actual) === e;
  }
}

function compare(op: '>' | '>=' | '<' | '<=', actual: Actual, e: string): boolean {
  if (actual === MISSING || actual === null || typeof actual === 'object') return false;
  const [x, y] = typeof actual === 'number' ? [actual, Number(e)] : [String(actual), e];
  if (typeof y === 'number' && Number.isNaN(y)) return false;
  return op === '>' ? x > y : op === '>=' ? x >= y : op === '<' ? x < y : x <= y;
}

function includes(actual: Actual, e: string): boolean {
  if (Array.isArray(actual)) return actual.some((item) => item !== null && typeof item === 'object' ? false : equals(item, e));
  return text(actual)?.includes(e) ?? false;
}

async function matches(a: Assertion, actual: Actual, e: string, matchRegex: RegexMatcher): Promise<boolean> {
  const value = text(actual);
  if (value === undefined) return false;
  const literal = /^\/(.*)\/([a-z]*)$/s.exec(e);
  try {
    return await (literal ? matchRegex(literal[1], literal[2], value) : matchRegex(e, '', value));
  } catch (error) {
    throw new Error(`${fieldLabel(a)}: the pattern ${e} could not be checked: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function text(actual: Actual): string | undefined {
  if (actual === MISSING) return undefined;
  return typeof actual === 'string' ? actual : JSON.stringify(actual);
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

function show(actual: Actual): string {
  if (actual === MISSING) return 'missing';
  if (typeof actual === 'string') return JSON.stringify(actual.length > 200 ? `${actual.slice(0, 200)}…` : actual);
  const json = JSON.stringify(actual) ?? String(actual);
  return json.length > 200 ? `${json.slice(0, 200)}…` : json;
}
