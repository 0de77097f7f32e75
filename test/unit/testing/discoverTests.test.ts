import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverTests } from '../../../src/core/testing/discoverTests';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { readScriptFiles } from '../../../src/core/testing/readScriptFiles';

const TEXT = [
  '### Log in',                                  // 0
  'POST http://127.0.0.1/login',                 // 1
  'Content-Type: application/json',              // 2
  '',                                            // 3
  '{"user": "ann"}',                             // 4
  '',                                            // 5
  '> {%',                                        // 6
  '  client.global.set("token", response.body.token);', // 7
  '  client.test("a token came back", function () {', // 8
  '    client.assert(response.body.token, "no token");', // 9
  '  });',                                       // 10
  "  client.test('it\\'s json', () => {});",    // 11
  '%}',                                          // 12
  '?? status == 200',                            // 13
  '',                                            // 14
  '###',                                         // 15
  '# @name me',                                  // 16
  'GET http://127.0.0.1/me',                     // 17
  '',                                            // 18
  '?? body $.user == ann',                       // 19
  '> {% client.test("one line", function () {}); %}', // 20
  '###',                                         // 21
  'GET http://127.0.0.1/plain',                  // 22
].join('\n');

describe('discoverTests: the Testing view\'s tests, found by parsing', () => {
  const found = discoverTests(parseHttpFile(TEXT));

  it('lists each request with its label: title, @name, or method and URL', () => {
    assert.deepEqual(found.map((r) => r.label), ['Log in', 'me', 'GET http://127.0.0.1/plain']);
  });

  it('finds ?? lines and client.test names with their lines and columns, in file order', () => {
    assert.deepEqual(found[0].tests.map((t) => [t.kind, t.name, t.line, t.column]), [
      ['script-test', 'a token came back', 8, 2],
      ['script-test', "it's json", 11, 2],
      ['assertion', 'status == 200', 13, 0],
    ]);
    assert.deepEqual(found[1].tests.map((t) => [t.kind, t.name, t.line, t.column]), [
      ['assertion', 'body $.user == ann', 19, 0],
      ['script-test', 'one line', 20, 5],
    ]);
    assert.equal(TEXT.split('\n')[20].slice(5, found[1].tests[1].endColumn), 'client.test("one line"');
  });

  it('gives a request without ?? lines or client.test no discovered tests (its implicit test appears when it runs)', () => {
    assert.deepEqual(found[2].tests, []);
  });

  it('finds client.test in ./handler.js files with ranges into the .js file, listed at the > ./handler.js line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'discover-js-'));
    writeFileSync(join(dir, 'check.js'), '// checks\nclient.test("status is 200", function () {\n  client.assert(response.status === 200);\n});\n  client.test(\'has a body\', () => {});\n');
    writeFileSync(join(dir, 'pre.js'), 'client.test("pre ran", function () {});\n');
    const file = parseHttpFile('< ./pre.js\nGET http://127.0.0.1/a\n\n?? status == 200\n> ./check.js\n> ./missing.js\n?? body exists\n');
    const found = discoverTests(file, await readScriptFiles(file, { filePath: join(dir, 'api.http') }));
    assert.deepEqual(found[0].tests.map((t) => [t.name, t.file ?? 'api.http', t.line, t.column, t.endColumn]), [
      ['pre ran', join(dir, 'pre.js'), 0, 0, 'client.test("pre ran"'.length],
      ['status == 200', 'api.http', 3, 0, 16],
      ['status is 200', join(dir, 'check.js'), 1, 0, 'client.test("status is 200"'.length],
      ['has a body', join(dir, 'check.js'), 4, 2, 2 + "client.test('has a body'".length],
      ['body exists', 'api.http', 6, 0, 14],
    ]);
    assert.deepEqual(discoverTests(file)[0].tests.map((t) => t.name), ['status == 200', 'body exists'], 'without the files read, only the .http file\'s own tests');
  });

  it('in Restricted Mode a handler file outside the workspace is not read for discovery either', async () => {
    const root = mkdtempSync(join(tmpdir(), 'discover-root-'));
    const outside = mkdtempSync(join(tmpdir(), 'discover-out-'));
    writeFileSync(join(outside, 'evil.js'), 'client.test("outside", function () {});');
    const file = parseHttpFile(`GET http://127.0.0.1/a\n> ${join(outside, 'evil.js')}\n`);
    const sources = await readScriptFiles(file, { filePath: join(root, 'api.http'), restricted: true, workspaceRoot: root });
    assert.equal(sources.size, 0);
  });
});
