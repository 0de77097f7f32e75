import * as assert from 'node:assert/strict';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';

describe('parser: diagnostics, line endings, BOM and JetBrains handlers', () => {
  it('reports a header line without ":" as an error at its first character and still produces the request', () => {
    const file = parseHttpFile('GET https://a.test\nAccept: */*\n   just words\nX-Ok: 1');
    assert.deepEqual(file.diagnostics, [
      { line: 2, column: 3, endColumn: 13, message: "Header line needs 'Name: value'", severity: 'error' },
    ]);
    assert.deepEqual(file.requests[0].headers.map((h) => h.name), ['Accept', 'X-Ok']);
  });

  it('reports an invalid character in a header name at that character', () => {
    const file = parseHttpFile('GET https://a.test\nBad Name: 1\n"quoted": true\n: novalue');
    assert.deepEqual(file.diagnostics.map((d) => [d.line, d.column, d.severity]), [[1, 3, 'error'], [2, 0, 'error'], [3, 0, 'error']]);
    assert.match(file.diagnostics[0].message, /invalid character ' '/);
    assert.match(file.diagnostics[1].message, /invalid character '"'/);
    assert.match(file.diagnostics[2].message, /needs a name/);
    assert.equal(file.requests.length, 1);
    assert.deepEqual(file.requests[0].headers, []);
  });

  it('accepts {{variables}} in header names and colons in header values', () => {
    const file = parseHttpFile('GET https://a.test\n{{headerName}}: x\nX-Time: 12:30:00');
    assert.deepEqual(file.requests[0].headers.map((h) => [h.name, h.value]), [['{{headerName}}', 'x'], ['X-Time', '12:30:00']]);
    assert.deepEqual(file.diagnostics, []);
  });

  it('reports a line that is not a request line and gives that block no request', () => {
    const file = parseHttpFile('GET https://a.test/ok\n\n###\n  not a request\nAccept: x\n\n###\nGET\n###\nGET https://a.test/also-ok');
    assert.deepEqual(file.requests.map((r) => r.url), ['https://a.test/ok', 'https://a.test/also-ok']);
    assert.deepEqual(file.diagnostics.map((d) => [d.line, d.column, d.message]), [
      [3, 2, "Expected a request line such as 'GET https://…'"],
      [7, 0, "Expected a URL after GET, such as 'GET https://…'"],
    ]);
  });

  it('reads CRLF input like LF input, with no \\r in any value', () => {
    const lf = '@v = 1\n# @name a\nPOST https://a.test?x=1\n&y=2\nAccept: */*\n\nbody 1\nbody 2\n\n###  T \nGET https://a.test\n';
    const crlf = parseHttpFile(lf.replace(/\n/g, '\r\n'));
    assert.deepEqual(crlf, parseHttpFile(lf));
    assert.equal(crlf.requests[0].body?.parts[0].kind === 'text' && crlf.requests[0].body.parts[0].text, 'body 1\nbody 2');
    assert.equal(JSON.stringify(crlf).includes('\\r'), false);
  });

  it('ignores a byte-order mark at the start', () => {
    const file = parseHttpFile('\uFEFF@host = https://a.test\nGET {{host}}');
    assert.deepEqual(file.variables, [{ name: 'host', value: 'https://a.test', line: 0 }]);
    assert.equal(file.requests[0].url, '{{host}}');
    assert.deepEqual(file.diagnostics, []);
  });

  it('leaves JetBrains response handlers out of the body, without diagnostics', () => {
    const file = parseHttpFile([
      'POST https://a.test',
      '',
      '{"a": 1}',
      '',
      '> {%',
      '  client.test("ok", function() {});',
      '%}',
      '',
      '###',
      'GET https://a.test/2',
      '',
      '> ./check.js',
      '<> ./2024-01-01T000000.200.json',
      '###',
      'GET https://a.test/3',
      '> {% client.global.set("t", response.body.token); %}',
    ].join('\n'));
    assert.deepEqual(file.requests[0].body?.parts, [{ kind: 'text', text: '{"a": 1}', line: 2 }]);
    assert.equal(file.requests[1].body, undefined);
    assert.equal(file.requests[2].body, undefined);
    assert.deepEqual(file.requests[2].headers, []);
    assert.deepEqual(file.diagnostics, []);
    assert.equal(file.requests[0].responseHandlers?.length, 1);
  });

  it('skips a multi-line handler script until %} so its lines are not body or headers', () => {
    const file = parseHttpFile('GET https://a.test\n\n> {%\nAccept: not a header\n%}\n');
    assert.equal(file.requests[0].body, undefined);
    assert.deepEqual(file.requests[0].headers, []);
    assert.deepEqual(file.diagnostics, []);
  });

  it('keeps body lines that merely start with > as body text', () => {
    const file = parseHttpFile('POST https://a.test\n\n> quoted text\n>>not a redirect');
    assert.deepEqual(file.requests[0].body?.parts, [{ kind: 'text', text: '> quoted text\n>>not a redirect', line: 2 }]);
    assert.deepEqual(file.diagnostics, []);
  });

  it('reads a JetBrains pre-request script above the request line and still reads the request', () => {
    const file = parseHttpFile('< {%\n  request.variables.set("a", "1");\n%}\nGET https://a.test/{{a}}');
    assert.equal(file.requests[0].url, 'https://a.test/{{a}}');
    assert.deepEqual(file.diagnostics, []);
    assert.equal(file.requests[0].preRequestScripts?.length, 1);
  });

  it('keeps at most 1000 diagnostics of a severity and says when more were dropped', () => {
    const lines = ['GET https://a.test', ...Array.from({ length: 1500 }, () => 'bad'), '# @timeout soon'];
    const file = parseHttpFile(lines.join('\n'));
    const errors = file.diagnostics.filter((d) => d.severity === 'error');
    assert.equal(errors.length, 1001);
    assert.deepEqual(errors[1000], {
      line: 1001, column: 0, message: 'Too many errors in this file; only the first 1000 are shown', severity: 'error',
    });
    assert.deepEqual(file.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message), ['@timeout needs a duration such as 5000 (ms), 5s or 2m']);
  });
});
