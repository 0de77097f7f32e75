import type { Assertion, AssertionField, AssertionPredicate } from './types';

const FIELDS: ReadonlySet<string> = new Set<AssertionField>(['status', 'header', 'body', 'duration']);
const VALUE_PREDICATES: ReadonlySet<string> = new Set(['==', '!=', '>', '>=', '<', '<=', 'startsWith', 'endsWith', 'includes', 'contains', 'matches']);
const CHECKS: ReadonlySet<string> = new Set(['exists', 'isTrue', 'isFalse', 'isNumber', 'isString', 'isBoolean', 'isArray']);

/** A malformed `??` line: the message and the column it points at. */
export interface AssertionSyntaxError {
  message: string;
  column: number;
}

/** True when the line (from its first non-space `at`) is a `??` assertion line. */
export function isAssertionLine(line: string, at: number): boolean {
  return line.startsWith('??', at) && (at + 2 === line.length || line.charCodeAt(at + 2) === 32 || line.charCodeAt(at + 2) === 9);
}

/** Parses `?? field [target] [not] predicate [expected]` at index `at` of `line` (0-based line number `lineNo`). */
export function parseAssertion(line: string, at: number, lineNo: number): Assertion | AssertionSyntaxError {
  const tokens = tokenize(line, at + 2);
  const text = line.slice(at + 2).trim();
  const field = tokens[0];
  if (field === undefined) return { message: '?? needs a field: status, header NAME, body [PATH] or duration', column: at };
  if (!FIELDS.has(field.text)) return { message: `unknown ?? field '${field.text}' (use status, header NAME, body [PATH] or duration)`, column: field.start };
  let i = 1;
  let target: string | undefined;
  if (field.text === 'header') {
    const name = tokens[i++];
    if (name === undefined || isPredicateWord(name.text)) return { message: '?? header needs a header name, e.g. ?? header content-type includes json', column: name?.start ?? line.length };
    target = name.text;
  } else if (field.text === 'body' && tokens[i] !== undefined && !isPredicateWord(tokens[i].text)) {
    const path = tokens[i++].text;
    target = path.startsWith('$') ? path : `$.${path}`;
  }
  const negated = tokens[i]?.text === 'not';
  if (negated) i++;
  const predicate = tokens[i];
  if (predicate === undefined) return { message: `?? ${field.text} needs a predicate (==, !=, <, >, startsWith, includes, matches, exists, isNumber, …)`, column: line.length };
  if (!VALUE_PREDICATES.has(predicate.text) && !CHECKS.has(predicate.text)) {
    return { message: `unknown ?? predicate '${predicate.text}'`, column: predicate.start };
  }
  const rest = tokens[i + 1];
  const expected = rest === undefined ? undefined : line.slice(rest.start).trim();
  if (VALUE_PREDICATES.has(predicate.text) && expected === undefined) {
    return { message: `?? ${predicate.text} needs an expected value`, column: line.length };
  }
  if (CHECKS.has(predicate.text) && expected !== undefined) {
    return { message: `?? ${predicate.text} takes no value (found '${expected}')`, column: rest?.start ?? line.length };
  }
  const assertion: Assertion = { field: field.text as AssertionField, negated, predicate: predicate.text as AssertionPredicate, text, line: lineNo, column: at };
  if (target !== undefined) assertion.target = target;
  if (expected !== undefined) assertion.expected = expected;
  return assertion;
}

function isPredicateWord(word: string): boolean {
  return word === 'not' || VALUE_PREDICATES.has(word) || CHECKS.has(word);
}

function tokenize(line: string, from: number): { text: string; start: number }[] {
  const tokens: { text: string; start: number }[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) tokens.push({ text: m[0], start: m.index });
  return tokens;
}
