import * as assert from 'node:assert/strict';
import { completionContext } from '../../../src/core/editor/completionContext';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';

function contextAt(lines: string[], line: number, column = lines[line].length): ReturnType<typeof completionContext> {
  return completionContext(parseHttpFile(lines.join('\n')), (i) => lines[i], line, column, lines.length);
}

describe('completionContext', () => {
  const doc = [
    '# @na',                       // 0 directive
    'PO',                          // 1 method (the request line)
    'Content-Type: app',           // 2 header value
    'Acc',                         // 3 header name
    'X-Token: {{log',              // 4 variable
    '',                            // 5
    '{"a": 1}',                    // 6 body
  ];

  it('after # @ asks for a directive, replacing from after the @', () => {
    assert.deepEqual(contextAt(doc, 0), { kind: 'directive', prefix: 'na', start: 3, inPrologue: false });
  });

  it('a directive in the prologue (above the first ###, no request in that block) says so; one above a request does not', () => {
    const lines = ['@base = https://a.test', '# @se', '', '###', '# @na', 'GET {{base}}/', '###', '# @', ''];
    assert.deepEqual(contextAt(lines, 1), { kind: 'directive', prefix: 'se', start: 3, inPrologue: true });
    assert.equal((contextAt(lines, 4) as { inPrologue: boolean }).inPrologue, false);
    assert.equal((contextAt(lines, 7) as { inPrologue: boolean }).inPrologue, false, 'a block after ### without its request line yet is not the prologue');
    assert.equal((contextAt(['# @', 'GET https://a.test/'], 0) as { inPrologue: boolean }).inPrologue, false, 'no ###: the comment belongs to the request below');
    assert.equal((contextAt(['# @', ''], 0) as { inPrologue: boolean }).inPrologue, false, 'a new file without ### yet: its first request goes here');
    assert.equal((contextAt(['# @', '', '###', 'GET https://a.test/'], 0) as { inPrologue: boolean }).inPrologue, true);
  });

  it('after # @ref or # @forceRef and a space asks for a request name', () => {
    assert.deepEqual(contextAt(['# @ref lo', 'GET https://a.test/'], 0), { kind: 'requestName', prefix: 'lo', start: 7 });
    assert.deepEqual(contextAt(['// @forceRef ', 'GET https://a.test/'], 0), { kind: 'requestName', prefix: '', start: 13 });
  });

  it('at the start of a request line asks for a method', () => {
    assert.deepEqual(contextAt(doc, 1), { kind: 'method', prefix: 'PO', start: 0 });
  });

  it('in the header section asks for header names, and for values after the colon', () => {
    assert.deepEqual(contextAt(doc, 3), { kind: 'headerName', prefix: 'Acc', start: 0 });
    assert.deepEqual(contextAt(doc, 2), { kind: 'headerValue', header: 'Content-Type', prefix: 'app', start: 14 });
  });

  it('inside an unclosed {{ asks for a variable, replacing from the start of the expression', () => {
    assert.deepEqual(contextAt(doc, 4), { kind: 'variable', prefix: 'log', start: 11 });
  });

  it('offers nothing in a body (after the blank line) or after a closed }}', () => {
    assert.equal(contextAt(doc, 6, 3), undefined);
    assert.equal(contextAt(['GET http://x/{{a}}/'], 0), undefined);
  });

  it('offers a variable in a body too', () => {
    assert.deepEqual(contextAt(['POST http://x', '', '{"t": "{{ $ra'], 2), { kind: 'variable', prefix: '$ra', start: 10 });
  });
});
