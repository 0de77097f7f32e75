import type { TestRow, TestsView } from '../shared/protocol';
import { el } from './dom';

/** "3/4 tests passed" for the status line, or undefined when the Tests tab is not shown. */
export function testsSummary(view: TestsView): HTMLElement | undefined {
  if (!view.show || view.tests.length === 0) return undefined;
  const passed = view.tests.filter((t) => t.passed).length;
  const all = passed === view.tests.length;
  const summary = el('span', `tests-summary ${all ? 'tests-passed' : 'tests-failed'}`, `${passed}/${view.tests.length} tests passed`);
  summary.id = 'tests-summary';
  return summary;
}

function testItem(test: TestRow): HTMLElement {
  const mark = el('span', `test-mark ${test.passed ? 'pass' : 'fail'}`, test.passed ? '✓' : '✗');
  mark.setAttribute('aria-label', test.passed ? 'passed' : 'failed');
  const head = el('div', 'test-head', mark, el('span', 'test-name', test.name), el('span', 'meta test-where', test.where));
  const item = el('li', `test ${test.passed ? 'pass' : 'fail'}${test.scriptError ? ' script-error' : ''}`, head);
  if (!test.passed && test.message) item.append(el('pre', 'test-message', test.message));
  if (!test.passed && (test.expected !== undefined || test.actual !== undefined)) {
    item.append(el('table', 'pairs test-diff', el('tbody', undefined,
      el('tr', undefined, el('th', undefined, 'Expected'), el('td', undefined, test.expected ?? '')),
      el('tr', undefined, el('th', undefined, 'Actual'), el('td', undefined, test.actual ?? '')))));
  }
  return item;
}

/** The Tests tab: each test with its result (failures with message, expected and actual), then client.log output. */
export function testsTab(view: TestsView): HTMLElement {
  const list = el('ul', 'tests');
  for (const test of view.tests) list.append(testItem(test));
  const logs = el('div', 'script-log');
  for (const log of view.logs) logs.append(el('div', 'log-line', el('span', 'meta', `${log.where} `), log.text));
  return el('div', 'tab-tests',
    view.tests.length ? list : el('p', 'empty', 'This request has no tests.'),
    el('h3', undefined, `Script output (${view.logs.length})`),
    view.logs.length ? logs : el('p', 'empty', 'No client.log output.'));
}
