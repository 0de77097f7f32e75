import * as assert from 'node:assert/strict';
import type { RequestTest } from '../../../src/core/testing/types';
import { buildTestsView } from '../../../src/vscode/response/testsView';

const at = (line: number, file = '/w/api.http') => ({ file, line, column: 0 });

describe('response view: the Tests tab model', () => {
  it('names each test with its result, message, expected/actual and where it failed (file:line, 1-based)', () => {
    const tests: RequestTest[] = [
      { kind: 'assertion', name: 'status == 201', passed: false, message: 'status: expected == 201, actual 200', expected: '== 201', actual: '200', location: at(9) },
      { kind: 'script-test', name: 'has a token', passed: false, message: 'no token', location: at(4), failureLocation: at(5, '/w/check.js') },
      { kind: 'response-handler', name: 'response handler', passed: false, message: 'api.http:7:3: TypeError: x', location: at(6) },
      { kind: 'assertion', name: 'body $.id exists', passed: true, expected: 'exists', actual: '7', location: at(10) },
    ];
    const view = buildTestsView({ tests, logs: [{ text: 'signed in', location: at(4) }] });
    assert.equal(view.show, true);
    assert.deepEqual(view.tests.map((t) => [t.name, t.passed, t.where, t.scriptError]), [
      ['status == 201', false, 'api.http:10', false],
      ['has a token', false, 'check.js:6', false],
      ['response handler', false, 'api.http:7', true],
      ['body $.id exists', true, 'api.http:11', false],
    ]);
    assert.deepEqual([view.tests[0].expected, view.tests[0].actual], ['== 201', '200']);
    assert.deepEqual(view.logs, [{ text: 'signed in', where: 'api.http:5' }]);
  });

  it('hides the Tests tab when the only test is the implicit "got a response" and nothing was logged', () => {
    const implicit: RequestTest = { kind: 'response', name: 'got a response', passed: true, location: at(0) };
    assert.equal(buildTestsView({ tests: [implicit], logs: [] }).show, false);
    assert.equal(buildTestsView({ tests: [implicit], logs: [{ text: 'x', location: at(2) }] }).show, true);
  });
});
