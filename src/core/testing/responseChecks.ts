import { evaluateAssertion } from '../assertions/evaluateAssertion';
import { sandboxedRegexTest } from '../assertions/sandboxedRegexTest';
import type { RegexMatcher } from '../assertions/sandboxedRegexTest';
import type { Assertion, AssertionSubject } from '../assertions/types';
import type { Exchange, ResponseData } from '../http/types';
import type { RequestBlock } from '../parser/types';
import type { ScriptRequestView, ScriptResponseView } from '../scripts/types';
import { runScripts } from './runScripts';
import type { ScriptSetting } from './runScripts';
import type { RequestChecks, RequestTest, TestLocation } from './types';

/**
 * The after-response stage of a request's tests: its response handlers (each in the sandbox, their
 * `client.test`s after their own code), then its `??` lines, whose expected values are expanded by `expand`
 * after the handlers ran (so `{{token}}` sees a global a handler just set). A request with neither `??` lines nor
 * `client.test` gets the implicit test "got a response". Without a response every declared test fails.
 */
export async function responseChecks(block: RequestBlock, exchange: Exchange | undefined, setting: ScriptSetting, request: () => ScriptRequestView, expand: (text: string, line: number) => string): Promise<RequestChecks> {
  const file = setting.scope.filePath;
  const response = exchange?.response;
  if (response === undefined) return { tests: noResponseTests(block, file, exchange?.error?.message ?? 'the request was not sent'), logs: [] };
  const handlers = block.responseHandlers ?? [];
  let text: string | undefined;
  const body = (): string => (text ??= textOf(response));
  const checks: RequestChecks = handlers.length > 0 ? await runScripts(handlers, 'response', setting, request(), responseView(response, body())) : { tests: [], logs: [] };
  const assertions = block.assertions ?? [];
  if (assertions.length > 0) {
    const subject: AssertionSubject = { status: response.status, headers: response.headers, body: body(), durationMs: exchange?.timings.totalMs ?? 0 };
    const matchRegex = (pattern: string, flags: string, value: string): Promise<boolean> => sandboxedRegexTest(pattern, flags, value, setting.limits);
    for (const a of assertions) checks.tests.push(await assertionTest(a, subject, file, expand, matchRegex));
  }
  if (!checks.tests.some((t) => t.kind === 'assertion' || t.kind === 'script-test')) checks.tests.push(gotResponse(block, file));
  return checks;
}

/**
 * The tests of a request with no handler and no `??` line: "got a response", passed when `exchange` has a
 * response and failed with the reason otherwise (as responseChecks gives them, without building anything else).
 */
export function implicitTests(block: RequestBlock, file: string, exchange: Exchange | undefined): RequestTest[] {
  if (exchange?.response !== undefined) return [gotResponse(block, file)];
  return noResponseTests(block, file, exchange?.error?.message ?? 'the request was not sent');
}

function gotResponse(block: RequestBlock, file: string): RequestTest {
  return { kind: 'response', name: 'got a response', passed: true, location: requestLocation(block, file) };
}

async function assertionTest(a: Assertion, subject: AssertionSubject, file: string, expand: (text: string, line: number) => string, matchRegex: RegexMatcher): Promise<RequestTest> {
  const location: TestLocation = { file, line: a.line, column: a.column };
  try {
    const outcome = await evaluateAssertion(a, subject, (text) => expand(text, a.line), matchRegex);
    const test: RequestTest = { kind: 'assertion', name: a.text, passed: outcome.passed, expected: outcome.expected, actual: outcome.actual, location };
    if (outcome.message !== undefined) test.message = outcome.message;
    return test;
  } catch (error) {
    return { kind: 'assertion', name: a.text, passed: false, message: error instanceof Error ? error.message : String(error), location };
  }
}

/** The tests a request without a response fails: its `??` lines and handlers, or the implicit one. */
export function noResponseTests(block: RequestBlock, file: string, reason: string): RequestTest[] {
  const message = `no response: ${reason}`;
  const tests: RequestTest[] = (block.assertions ?? []).map((a) => ({ kind: 'assertion', name: a.text, passed: false, message, location: { file, line: a.line, column: a.column } }));
  for (const h of block.responseHandlers ?? []) tests.push({ kind: 'response-handler', name: 'response handler', passed: false, message, location: { file, line: h.line, column: h.column } });
  if (tests.length === 0) tests.push({ kind: 'response', name: 'got a response', passed: false, message, location: requestLocation(block, file) });
  return tests;
}

function requestLocation(block: RequestBlock, file: string): TestLocation {
  return { file, line: block.requestLine, column: 0 };
}

function textOf(response: ResponseData): string {
  return Buffer.from(response.body).toString('utf8');
}

/** What a handler sees of the response: status, headers, body text and the content type's parts. */
export function responseView(response: ResponseData, text = textOf(response)): ScriptResponseView {
  const header = response.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(header)?.[1]?.toLowerCase() ?? '';
  return { status: response.status, headers: response.headers.map(([n, v]) => [n, v]), body: text, mimeType: response.contentType, charset };
}
