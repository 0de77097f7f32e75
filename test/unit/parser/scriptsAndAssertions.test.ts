import * as assert from 'node:assert/strict';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';

describe('parser: scripts, ?? assertions and >> lines', () => {
  it('> {% … %} on one line: the code and the column after {%', () => {
    const file = parseHttpFile('GET https://a.test/login\n\n> {% client.global.set("t", response.body.token); %}\n');
    assert.deepEqual(file.requests[0].responseHandlers, [
      { kind: 'inline', code: ' client.global.set("t", response.body.token); ', codeLine: 2, codeColumn: 4, line: 2, column: 0 },
    ]);
    assert.deepEqual(file.diagnostics, []);
  });

  it('> {% over many lines: the code keeps its lines; lines that look like headers stay code', () => {
    const file = parseHttpFile('POST https://a.test\n\n{"a": 1}\n\n> {%\n  client.test("ok", function () {\n    client.assert(response.status === 200);\n  });\nAccept: x\n%}\n');
    const [script] = file.requests[0].responseHandlers ?? [];
    assert.equal(script.kind, 'inline');
    assert.equal(script.kind === 'inline' && script.code, '\n  client.test("ok", function () {\n    client.assert(response.status === 200);\n  });\nAccept: x\n');
    assert.equal(script.kind === 'inline' && script.codeLine, 4);
    assert.deepEqual(file.requests[0].body?.parts, [{ kind: 'text', text: '{"a": 1}', line: 2 }]);
  });

  it('> ./handler.js is a handler file; several handlers keep their order', () => {
    const file = parseHttpFile('GET https://a.test\n\n> ./check.js\n> {% client.log(1) %}\n');
    assert.deepEqual(file.requests[0].responseHandlers?.map((s) => s.kind === 'file' ? s.path : s.code), ['./check.js', ' client.log(1) ']);
  });

  it('< {% … %} and < ./pre.js above the request line are pre-request scripts', () => {
    const file = parseHttpFile('### one\n< {%\n  request.variables.set("n", "1");\n%}\n< ./sign.js\nGET https://a.test/{{n}}\n');
    const pre = file.requests[0].preRequestScripts ?? [];
    assert.deepEqual(pre.map((s) => s.kind), ['inline', 'file']);
    assert.equal(pre[1].kind === 'file' && pre[1].path, './sign.js');
    assert.equal(file.requests[0].requestLine, 5);
  });

  it('>> ./out.json saves with a new name if taken; >>! overwrites', () => {
    assert.deepEqual(parseHttpFile('GET https://a.test\n\n>> ./out.json').requests[0].saveResponse, { path: './out.json', overwrite: false, line: 2 });
    assert.deepEqual(parseHttpFile('GET https://a.test\n>>! ./out.json').requests[0].saveResponse, { path: './out.json', overwrite: true, line: 1 });
  });

  it('?? lines right after the headers, after a body and after a handler; never part of the body', () => {
    const file = parseHttpFile('POST https://a.test\nContent-Type: text/plain\n\nhello\n?? status == 200\n> {% client.log(1) %}\n?? body $.id exists\n###\nGET https://a.test/2\n?? status < 300\n');
    assert.deepEqual(file.requests[0].body?.parts, [{ kind: 'text', text: 'hello', line: 3 }]);
    assert.deepEqual(file.requests[0].assertions?.map((a) => [a.line, a.text]), [[4, 'status == 200'], [6, 'body $.id exists']]);
    assert.deepEqual(file.requests[1].assertions?.map((a) => a.text), ['status < 300']);
    assert.equal(file.requests[1].url, 'https://a.test/2');
  });

  it('a malformed ?? line is an error diagnostic at its line', () => {
    const file = parseHttpFile('GET https://a.test\n\n?? status equals 200\n');
    assert.deepEqual(file.diagnostics.map((d) => [d.line, d.severity, d.message]), [[2, 'error', "unknown ?? predicate 'equals'"]]);
    assert.equal(file.requests[0].assertions, undefined);
    assert.equal(file.requests[0].body, undefined);
  });

  it('a {% never closed before the next ### is an error, and the next request still parses', () => {
    const file = parseHttpFile('GET https://a.test\n\n> {%\nclient.log(1)\n###\nGET https://a.test/2\n');
    assert.deepEqual(file.diagnostics.map((d) => [d.line, d.message]), [[2, 'This script has no closing %} before the end of the request']]);
    assert.equal(file.requests.length, 2);
    assert.equal(file.requests[0].responseHandlers, undefined);
  });

  it('> quoted text and ??x (no space) in a body stay body text', () => {
    const file = parseHttpFile('POST https://a.test\n\n> quoted\n??x stays body\n');
    assert.deepEqual(file.requests[0].body?.parts, [{ kind: 'text', text: '> quoted\n??x stays body', line: 2 }]);
    assert.deepEqual(file.diagnostics, []);
  });
});
