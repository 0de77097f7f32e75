import * as assert from 'node:assert/strict';
import { symbolAt } from '../../../src/core/editor/symbolAt';
import { requestOccurrences, variableOccurrences } from '../../../src/core/editor/symbolOccurrences';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';

const lines = [
  '@host = http://127.0.0.1',                           // 0
  '# @name login',                                      // 1
  'POST {{host}}/login',                                // 2
  '',                                                   // 3
  '###',                                                // 4
  'GET {{ host }}/me?h={{%host}}',                      // 5
  'Authorization: Bearer {{login.response.body.$.token}}', // 6
  '# a comment about {{host}}',                         // 7
];
const file = parseHttpFile(lines.join('\n'));

describe('symbolAt and symbol occurrences', () => {
  it('finds a variable under {{host}}, {{%host}} and on its @host definition', () => {
    assert.deepEqual(symbolAt(file, lines[5], 5, 7), { kind: 'variable', name: 'host' });
    assert.deepEqual(symbolAt(file, lines[5], 5, 24), { kind: 'variable', name: 'host' });
    assert.deepEqual(symbolAt(file, lines[0], 0, 2), { kind: 'variable', name: 'host' });
  });

  it('finds a request under {{login.response…}} and on the # @name line', () => {
    assert.deepEqual(symbolAt(file, lines[6], 6, 26), { kind: 'request', name: 'login' });
    assert.deepEqual(symbolAt(file, lines[1], 1, 10), { kind: 'request', name: 'login' });
    assert.equal(symbolAt(file, lines[2], 2, 1), undefined);
  });

  it('lists the definition and every use of a variable (not those in plain comments), in order', () => {
    assert.deepEqual(variableOccurrences(lines, 'host').map((o) => [o.line, o.column, o.endColumn, o.definition]), [
      [0, 1, 5, true], [2, 7, 11, false], [5, 7, 11, false], [5, 23, 27, false],
    ]);
  });

  it('lists the # @name line and every reference of a request', () => {
    assert.deepEqual(requestOccurrences(lines, 'login').map((o) => [o.line, o.column, o.endColumn, o.definition]), [
      [1, 8, 13, true], [6, 24, 29, false],
    ]);
  });
});
