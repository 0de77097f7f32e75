import * as assert from 'node:assert/strict';
import { discoverTests } from '../../../src/core/testing/discoverTests';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';

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
});
