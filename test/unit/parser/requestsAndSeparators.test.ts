import * as assert from 'node:assert/strict';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';

describe('parser: separators, request lines, headers and bodies', () => {
  it('splits requests at ### lines and takes the text after them as the title', () => {
    const file = parseHttpFile([
      'GET https://a.test/one',
      '',
      '### Second request',
      'GET https://a.test/two',
      '#####   Third  ',
      'GET https://a.test/three',
      '###',
      'GET https://a.test/four',
    ].join('\n'));
    assert.deepEqual(file.requests.map((r) => [r.url, r.title]), [
      ['https://a.test/one', undefined],
      ['https://a.test/two', 'Second request'],
      ['https://a.test/three', 'Third'],
      ['https://a.test/four', undefined],
    ]);
    assert.deepEqual(file.diagnostics, []);
  });

  it('gives each request its block range: first line after ### through its last non-blank line', () => {
    const file = parseHttpFile(['GET https://a.test/1', 'Accept: */*', '', '', '### two', '# a comment', 'GET https://a.test/2', '', ''].join('\n'));
    assert.deepEqual(file.requests.map((r) => [r.range, r.requestLine, r.blockEndLine]), [
      [{ startLine: 0, endLine: 1 }, 0, 3],
      [{ startLine: 5, endLine: 6 }, 6, 8],
    ]);
  });

  it('skips # and // comment lines before the request line and between headers', () => {
    const file = parseHttpFile([
      '# hash comment',
      '// slash comment',
      'POST https://a.test/x',
      '# between headers',
      'Accept: text/plain',
      '// another',
      'X-Two: 2',
    ].join('\n'));
    const [request] = file.requests;
    assert.equal(request.method, 'POST');
    assert.equal(request.requestLine, 2);
    assert.deepEqual(request.headers.map((h) => [h.name, h.value, h.line]), [['Accept', 'text/plain', 4], ['X-Two', '2', 6]]);
    assert.equal(request.body, undefined);
    assert.deepEqual(file.diagnostics, []);
  });

  it('reads a URL alone as a GET request', () => {
    const file = parseHttpFile('https://a.test/items?x=1\n\n###\n{{host}}/users\n\n###\n/health');
    assert.deepEqual(file.requests.map((r) => [r.method, r.url, r.httpVersion]), [
      ['GET', 'https://a.test/items?x=1', undefined],
      ['GET', '{{host}}/users', undefined],
      ['GET', '/health', undefined],
    ]);
  });

  it('reads METHOD URL HTTP/x.y, upper-cases known methods and accepts custom upper-case methods', () => {
    const file = parseHttpFile([
      'PUT https://a.test/x HTTP/1.1', '###', 'delete https://a.test/y', '###',
      'PROPFIND https://a.test/dav HTTP/2', '###', 'GRAPHQL {{host}}/graphql', '###', 'GET /path with space HTTP/1.0',
    ].join('\n'));
    assert.deepEqual(file.requests.map((r) => [r.method, r.url, r.httpVersion]), [
      ['PUT', 'https://a.test/x', 'HTTP/1.1'],
      ['DELETE', 'https://a.test/y', undefined],
      ['PROPFIND', 'https://a.test/dav', 'HTTP/2'],
      ['GRAPHQL', '{{host}}/graphql', undefined],
      ['GET', '/path with space', 'HTTP/1.0'],
    ]);
  });

  it('appends ? and & query continuation lines to the URL', () => {
    const file = parseHttpFile(['GET https://a.test/search', '    ?q=http', '  &page=2', '&size=10', 'Accept: */*'].join('\n'));
    assert.equal(file.requests[0].url, 'https://a.test/search?q=http&page=2&size=10');
    assert.deepEqual(file.requests[0].headers.map((h) => h.name), ['Accept']);
  });

  it('appends JetBrains-style indented URL pieces, with the version at the end', () => {
    const file = parseHttpFile(['GET http://localhost:8080', '    /api', '    /items', '    ?id=1 HTTP/1.1', 'Host: x'].join('\n'));
    assert.equal(file.requests[0].url, 'http://localhost:8080/api/items?id=1');
    assert.equal(file.requests[0].httpVersion, 'HTTP/1.1');
  });

  it('keeps an origin-form URL raw with its Host header', () => {
    const file = parseHttpFile('GET /api/items HTTP/1.1\nHost: a.test:8080\n');
    assert.equal(file.requests[0].url, '/api/items');
    assert.deepEqual(file.requests[0].headers[0], { name: 'Host', value: 'a.test:8080', line: 1 });
  });

  it('reads headers until the first blank line, values trimmed, repeated names kept', () => {
    const file = parseHttpFile(['GET https://a.test', 'Accept:  application/json  ', 'X-Multi: 1', 'X-Multi: 2', 'Authorization: Bearer {{token}}', '', 'Not: a header'].join('\n'));
    const request = file.requests[0];
    assert.deepEqual(request.headers.map((h) => [h.name, h.value]), [
      ['Accept', 'application/json'], ['X-Multi', '1'], ['X-Multi', '2'], ['Authorization', 'Bearer {{token}}'],
    ]);
    assert.deepEqual(request.body?.parts, [{ kind: 'text', text: 'Not: a header', line: 6 }]);
  });

  it('takes the body up to the next ###, without trailing blank lines, without its comment lines', () => {
    const file = parseHttpFile(['POST https://a.test', 'Content-Type: text/plain', '', 'line one', '# a comment here too', '', 'line three', '', '', '### next', 'GET https://a.test/2'].join('\n'));
    const body = file.requests[0].body;
    assert.deepEqual(body, {
      parts: [{ kind: 'text', text: 'line one', line: 3 }, { kind: 'text', text: '\nline three', line: 5 }],
      startLine: 3,
      endLine: 6,
    });
    assert.equal(file.requests[0].range.endLine, 6);
    assert.equal(file.requests.length, 2);
  });

  it('keeps a JSON body byte for byte, indentation included', () => {
    const json = '{\n  "name": "a",\n    "list": [1, 2]\n}';
    const file = parseHttpFile(`POST https://a.test\nContent-Type: application/json\n\n${json}\n`);
    assert.deepEqual(file.requests[0].body?.parts, [{ kind: 'text', text: json, line: 3 }]);
  });

  it('produces no request and no error for a block with only comments and variables', () => {
    const file = parseHttpFile('GET https://a.test\n\n### notes\n# just a note\n@v = 1\n\n###\nGET https://a.test/2');
    assert.equal(file.requests.length, 2);
    assert.deepEqual(file.diagnostics, []);
    assert.deepEqual(file.variables.map((v) => v.name), ['v']);
  });
});
