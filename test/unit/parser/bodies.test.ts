import * as assert from 'node:assert/strict';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';

describe('parser: file bodies, multipart and form bodies', () => {
  it('reads < ./path as a raw file part, <@ as a file with variables, <@latin1 with its encoding', () => {
    const file = parseHttpFile([
      'POST https://a.test/1', '', '< ./data/raw.bin', '###',
      'POST https://a.test/2', '', '<@ ./template.json', '###',
      'POST https://a.test/3', '', '<@latin1   ./legacy.txt  ',
    ].join('\n'));
    assert.deepEqual(file.requests.map((r) => r.body?.parts), [
      [{ kind: 'file', path: './data/raw.bin', expandVariables: false, line: 2 }],
      [{ kind: 'file', path: './template.json', expandVariables: true, line: 6 }],
      [{ kind: 'file', path: './legacy.txt', expandVariables: true, encoding: 'latin1', line: 10 }],
    ]);
  });

  it('does not take <html> or an indented < as a file reference', () => {
    const file = parseHttpFile('POST https://a.test\n\n<html>\n  < ./not-a-file\n<\n');
    assert.deepEqual(file.requests[0].body?.parts, [{ kind: 'text', text: '<html>\n  < ./not-a-file\n<', line: 2 }]);
  });

  it('keeps a multipart body exactly as written, with file parts between its text lines', () => {
    const lines = [
      'POST https://a.test/upload',
      'Content-Type: multipart/form-data; boundary=WebKitFormBoundary',
      '',
      '--WebKitFormBoundary',
      'Content-Disposition: form-data; name="text"',
      '',
      'title',
      '--WebKitFormBoundary',
      'Content-Disposition: form-data; name="image"; filename="1.png"',
      'Content-Type: image/png',
      '',
      '< ./1.png',
      '--WebKitFormBoundary--',
    ];
    const body = parseHttpFile(lines.join('\n')).requests[0].body;
    assert.deepEqual(body?.parts, [
      { kind: 'text', text: lines.slice(3, 11).join('\n'), line: 3 },
      { kind: 'file', path: './1.png', expandVariables: false, line: 11 },
      { kind: 'text', text: '--WebKitFormBoundary--', line: 12 },
    ]);
    assert.equal(body?.startLine, 3);
    assert.equal(body?.endLine, 12);
  });

  it('keeps an x-www-form-urlencoded body with its line breaks', () => {
    const file = parseHttpFile([
      'POST {{host}}/api/mgr/signin',
      'Content-Type: application/x-www-form-urlencoded',
      '',
      'username=byhy',
      '&password={{password}}',
    ].join('\n'));
    assert.deepEqual(file.requests[0].body?.parts, [{ kind: 'text', text: 'username=byhy\n&password={{password}}', line: 3 }]);
    assert.equal(file.requests[0].url, '{{host}}/api/mgr/signin', 'body lines starting with & are not query continuation');
  });

  it('drops blank lines before the body and leaves body undefined when there is none', () => {
    const file = parseHttpFile('POST https://a.test\nX: 1\n\n\n\nhello\n###\nPOST https://a.test\nX: 1\n\n   \n');
    assert.deepEqual(file.requests[0].body, { parts: [{ kind: 'text', text: 'hello', line: 5 }], startLine: 5, endLine: 5 });
    assert.equal(file.requests[1].body, undefined);
  });

  it('keeps @name = value lines inside a body as body text; a # @directive line there is a comment, not sent and not a directive', () => {
    const file = parseHttpFile('POST https://a.test\n\n@notavar = 1\n# @name inner\n');
    assert.deepEqual(file.variables, []);
    assert.deepEqual(file.requests[0].directives, []);
    assert.equal(file.requests[0].name, undefined);
    assert.deepEqual(file.requests[0].body?.parts, [{ kind: 'text', text: '@notavar = 1', line: 2 }]);
  });
});
