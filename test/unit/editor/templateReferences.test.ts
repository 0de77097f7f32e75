import * as assert from 'node:assert/strict';
import { referenceAt, templateReferences } from '../../../src/core/editor/templateReferences';

describe('templateReferences', () => {
  it('gives each {{…}} with the columns of its braces and of its trimmed expression', () => {
    const line = 'GET {{host}}/users/{{ id }}';
    assert.deepEqual(templateReferences(line), [
      { expression: 'host', start: 4, end: 12, expressionStart: 6, expressionEnd: 10 },
      { expression: 'id', start: 19, end: 27, expressionStart: 22, expressionEnd: 24 },
    ]);
  });

  it('takes the innermost {{ before a }} like the resolver, and skips empty and unclosed braces', () => {
    assert.deepEqual(templateReferences('{{a {{b}} {{}} {{c').map((r) => r.expression), ['b']);
  });

  it('referenceAt finds the reference around a column, braces included', () => {
    const line = 'X: {{one}} {{two}}';
    assert.equal(referenceAt(line, 3)?.expression, 'one');
    assert.equal(referenceAt(line, 12)?.expression, 'two');
    assert.equal(referenceAt(line, 1), undefined);
  });
});
