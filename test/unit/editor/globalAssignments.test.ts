import * as assert from 'node:assert/strict';
import { assignmentsIn, httpTextAssignments, scriptFilesOf } from '../../../src/core/editor/globalAssignments';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';

const HTTP = [
  'POST http://127.0.0.1/login',                                   // 0
  '',                                                              // 1
  '> {%',                                                          // 2
  '  client.global.set("token", response.body.token);',            // 3
  "  client.global.set('refresh', response.body.refresh);",        // 4
  '  client.global.set(name, 1);',                                 // 5
  '%}',                                                            // 6
  '> ./after-login.js',                                            // 7
  '',                                                              // 8
  '###',                                                           // 9
  '< {% client.global.set("nonce", $random.uuid) %}',              // 10
  'GET http://127.0.0.1/me',                                       // 11
  '',                                                              // 12
  'client.global.set("inBody", 1)',                                // 13
].join('\n');

describe('globalAssignments: globals a script in the workspace sets, found by parsing', () => {
  it('finds client.global.set with a literal name in inline scripts, at the line and column of client', () => {
    assert.deepEqual(httpTextAssignments(HTTP), [
      { name: 'token', line: 3, column: 2 },
      { name: 'refresh', line: 4, column: 2 },
      { name: 'nonce', line: 10, column: 5 },
    ]);
  });

  it('ignores the text of a body and a computed name', () => {
    assert.ok(!httpTextAssignments(HTTP).some((a) => a.name === 'inBody' || a.name === 'name'));
  });

  it('lists the handler files a file names, and reads a .js handler as plain code', () => {
    assert.deepEqual(scriptFilesOf(parseHttpFile(HTTP)), ['./after-login.js']);
    assert.deepEqual(assignmentsIn('// after login\nclient.global.set(`userId`, response.body.id);\n'), [{ name: 'userId', line: 1, column: 0 }]);
  });
});
