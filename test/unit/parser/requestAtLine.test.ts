import * as assert from 'node:assert/strict';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { requestAtLine } from '../../../src/core/parser/requestAtLine';

describe('requestAtLine', () => {
  const file = parseHttpFile([
    '@host = https://a.test', // 0 prologue
    '',                       // 1
    '### one',                // 2
    '# @name one',            // 3
    'GET {{host}}/1',         // 4
    '',                       // 5
    '',                       // 6
    '### notes only',         // 7
    '# nothing to send',      // 8
    '### two',                // 9
    'POST {{host}}/2',        // 10
    '',                       // 11
    'body',                   // 12
    '',                       // 13
  ].join('\n'));

  const urlAt = (line: number): string | undefined => requestAtLine(file, line)?.url;

  it('finds the request whose block holds the line: comments above it, its request line, body', () => {
    assert.equal(urlAt(3), '{{host}}/1');
    assert.equal(urlAt(4), '{{host}}/1');
    assert.equal(urlAt(12), '{{host}}/2');
  });

  it('gives the preceding request for blank lines after it in the same block', () => {
    assert.equal(urlAt(6), '{{host}}/1');
    assert.equal(urlAt(13), '{{host}}/2');
  });

  it('gives the request a ### line opens for a cursor on that line', () => {
    assert.equal(urlAt(2), '{{host}}/1');
    assert.equal(urlAt(9), '{{host}}/2');
  });

  it('gives nothing in the prologue, in a block without a request, or past the file end', () => {
    assert.equal(urlAt(0), undefined);
    assert.equal(urlAt(1), undefined);
    assert.equal(urlAt(8), undefined);
    assert.equal(urlAt(7), undefined);
    assert.equal(urlAt(99), undefined);
    assert.equal(urlAt(-1), undefined);
  });

  it('finds the single request of a file without separators on any of its lines', () => {
    const single = parseHttpFile('# @name only\nGET https://a.test\nAccept: */*\n');
    assert.deepEqual([0, 1, 2, 3].map((line) => requestAtLine(single, line)?.name), ['only', 'only', 'only', 'only']);
  });
});
