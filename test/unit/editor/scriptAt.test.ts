import * as assert from 'node:assert/strict';
import { memberAccessBefore, memberPathAt, scriptKindAt } from '../../../src/core/editor/scriptAt';

const TEXT = [
  '< {% request.variables.set("a", 1) %}', // 0
  'POST http://127.0.0.1/login',           // 1
  '',                                      // 2
  '{"client": 1}',                         // 3
  '',                                      // 4
  '> {%',                                  // 5
  '  client.global.set("token", 1);',      // 6
  '%}',                                    // 7
  '?? status == 200',                      // 8
  '###',                                   // 9
  '  client.',                             // 10
].join('\n').split('\n');
const lines = (n: number): string => TEXT[n];

describe('scriptAt: the {% %} script around the cursor', () => {
  it('inside a one-line < {% %} is a pre-request script; after its %} is not', () => {
    assert.equal(scriptKindAt(lines, 0, 10), 'pre-request');
    assert.equal(scriptKindAt(lines, 0, TEXT[0].length), undefined);
    assert.equal(scriptKindAt(lines, 0, 2), undefined);
  });

  it('a line between > {% and %} is in a response handler; the body, the ?? line and the next block are not', () => {
    assert.equal(scriptKindAt(lines, 6, 9), 'response');
    assert.equal(scriptKindAt(lines, 3, 5), undefined);
    assert.equal(scriptKindAt(lines, 8, 5), undefined);
    assert.equal(scriptKindAt(lines, 10, 9), undefined);
  });

  it('reads the member access being typed: object path and prefix', () => {
    assert.deepEqual(memberAccessBefore('  client.global.se'), { object: 'client.global', prefix: 'se', start: 16 });
    assert.deepEqual(memberAccessBefore('x = response.'), { object: 'response', prefix: '', start: 13 });
    assert.deepEqual(memberAccessBefore('  cli'), { object: '', prefix: 'cli', start: 2 });
    assert.equal(memberAccessBefore('foo('), undefined);
  });

  it('reads the dotted path up to the hovered word', () => {
    const text = '  client.global.set("token", 1);';
    assert.deepEqual(memberPathAt(text, text.indexOf('global') + 2), { path: 'client.global', start: 9, end: 15 });
    assert.deepEqual(memberPathAt(text, text.indexOf('set')), { path: 'client.global.set', start: 16, end: 19 });
    assert.equal(memberPathAt(text, text.indexOf('(') + 1), undefined);
  });
});
