import * as assert from 'node:assert/strict';
import type { CodeLine } from '../../../src/webview/codeLine';
import { prettyJson, prettyJsonLines } from '../../../src/webview/prettyJson';
import { prettyXml } from '../../../src/webview/prettyXml';

function text(lines: CodeLine[]): string {
  return lines.map((l) => '  '.repeat(l.indent) + l.tokens.map((t) => t[1]).join('')).join('\n');
}

describe('response body pretty-printing', () => {
  it('re-indents JSON exactly like JSON.stringify(…, 2) for ordinary documents', () => {
    const value = { a: 1, b: [true, null, 'x'], c: {}, d: [], e: { f: 'g "h"' } };
    assert.equal(text(prettyJsonLines(JSON.stringify(value))!), JSON.stringify(value, null, 2));
  });

  it('keeps big numbers, key order and duplicate keys as received', () => {
    const lines = prettyJsonLines('{"id":12345678901234567890123,"k":1,"k":2}')!;
    assert.equal(text(lines), '{\n  "id": 12345678901234567890123,\n  "k": 1,\n  "k": 2\n}');
    assert.deepEqual(lines[1].tokens[0], ['key', '"id"']);
    assert.deepEqual(lines[1].tokens[2], ['number', '12345678901234567890123']);
  });

  it('returns undefined for text that is not JSON, so it is shown raw', () => {
    assert.equal(prettyJson('{"a": 1'), undefined);
    assert.equal(prettyJson('<html>'), undefined);
    assert.equal(prettyJson('{"a": undefined}'), undefined);
  });

  it('indents XML one element per line and keeps short text on its element line', () => {
    const lines = prettyXml('<?xml version="1.0"?><a x="1"><b>hi</b><c/></a>');
    assert.equal(text(lines), '<?xml version="1.0"?>\n<a x="1">\n  <b>hi</b>\n  <c/>\n</a>');
  });

  it('gives the first screenful of a 2 MB JSON body on its own, line for line as JSON.stringify, and the rest on demand', function () {
    this.timeout(20_000);
    const rows = Array.from({ length: 20000 }, (_, i) => ({ id: i, name: `customer ${i}`, phone: '13451813456', address: 'somewhere 12' }));
    const json = JSON.stringify({ retlist: rows });
    const expected = JSON.stringify(JSON.parse(json), null, 2).split('\n');
    const source = prettyJson(json)!;
    const first = source.next(1500);
    assert.equal(first.length, 1500);
    assert.equal(text(first), expected.slice(0, 1500).join('\n'));
    let total = first.length;
    for (let batch = source.next(50000); batch.length; batch = source.next(50000)) total += batch.length;
    assert.equal(total, expected.length);
  });
});
