import * as vscode from 'vscode';
import type { RunResult } from '../../core/runner/types';
import type { RequestTest, TestLocation } from '../../core/testing/types';

/** A core location as a VS Code one. */
export function locationOf(at: TestLocation): vscode.Location {
  return new vscode.Location(vscode.Uri.file(at.file), new vscode.Position(at.line, at.column));
}

/** The expected side of a diff: the value alone for `==` (VS Code shows "200 != 201", not "200 != == 201"). */
function diffSide(expected: string): string {
  return expected.startsWith('== ') ? expected.slice(3) : expected;
}

/** The failure as VS Code shows it: a diff of expected and actual when the test has them, at the failing line. */
export function failureMessage(test: RequestTest): vscode.TestMessage {
  const text = test.message ?? `${test.name} failed`;
  const message = test.expected !== undefined && test.actual !== undefined
    ? vscode.TestMessage.diff(text, diffSide(test.expected), test.actual)
    : new vscode.TestMessage(text);
  message.location = locationOf(test.failureLocation ?? test.location);
  return message;
}

/** The child of `requestItem` a result's test belongs to (same line, else same name); made when there is none. */
function itemFor(controller: vscode.TestController, requestItem: vscode.TestItem, test: RequestTest): vscode.TestItem {
  const children: vscode.TestItem[] = [];
  requestItem.children.forEach((child) => void children.push(child));
  const sameFile = (item: vscode.TestItem): boolean => item.uri?.fsPath === test.location.file;
  const found = children.find((c) => sameFile(c) && c.range?.start.line === test.location.line && c.label === test.name)
    ?? children.find((c) => c.label === test.name);
  if (found) return found;
  // "got a response", "response handler", a client.test with a computed name or in a .js file: known only now.
  const item = controller.createTestItem(`${requestItem.id}/${test.name}@${test.location.line}`, test.name, vscode.Uri.file(test.location.file));
  item.range = new vscode.Range(test.location.line, test.location.column, test.location.line, test.location.column);
  requestItem.children.add(item);
  return item;
}

/**
 * Reports one request's result: each test passed or failed (with its diff and location), the request item
 * passed when all passed, failed when one failed, errored when nothing came back; `client.log` lines go to
 * the run's output at the line that logged them.
 */
export function reportResult(controller: vscode.TestController, run: vscode.TestRun, requestItem: vscode.TestItem, result: RunResult): void {
  const ms = result.exchange?.timings.totalMs;
  for (const log of result.logs) run.appendOutput(`${log.text.replace(/\r?\n/g, '\r\n')}\r\n`, locationOf(log.location), requestItem);
  const failures: vscode.TestMessage[] = [];
  for (const test of result.tests) {
    const item = itemFor(controller, requestItem, test);
    if (test.passed) {
      run.passed(item, ms);
    } else {
      const message = failureMessage(test);
      failures.push(message);
      run.failed(item, message, ms);
    }
  }
  if (!result.exchange?.response) {
    const text = (result.error ?? result.exchange?.error)?.describe() ?? 'The request got no response.';
    const message = new vscode.TestMessage(text);
    message.location = new vscode.Location(requestItem.uri!, new vscode.Position(result.request.requestLine, 0));
    run.errored(requestItem, message, ms);
  } else if (failures.length > 0) {
    run.failed(requestItem, failures, ms);
  } else {
    run.passed(requestItem, ms);
  }
}
