import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { scopesOf, tokenize, VSCODE_JS_GRAMMAR } from './tokenize';
import type { Token } from './tokenize';

const FILE = [
  '< {% request.variables.set("n", "1") %}',     // 0  pre-request, one line
  'POST http://127.0.0.1/login',                 // 1
  'Content-Type: application/json',              // 2
  '',                                            // 3
  '{"user": "ann"}',                             // 4
  '',                                            // 5
  '> {%',                                        // 6  handler, many lines
  '  client.global.set("token", response.body.token);', // 7
  '  client.test("ok", function () { client.assert(response.status === 200); });', // 8
  '%}',                                          // 9
  '?? status == 200',                            // 10
  '?? body $.user not == {{expectedUser}}',      // 11
  '?? header content-type includes json',        // 12
  '>> ./out/login.json',                         // 13
  '> ./check-login.js',                          // 14
  '###',                                         // 15
  'GET http://127.0.0.1/me',                     // 16
  '',                                            // 17
  '?? body exists',                              // 18
  '?? duration < 500',                           // 19
].join('\n');

const JS = 'meta.embedded.block.javascript';
const has = (line: Token[], scope: string): boolean => line.some((t) => t.scopes.includes(scope));

describe('grammar: scripts, ?? lines and >> lines', () => {
  let lines: Token[][];
  before(async () => { lines = await tokenize(FILE); });

  it('marks the code of a one-line < {% %} pre-request script as embedded JavaScript, delimiters outside it', () => {
    assert.ok(scopesOf(lines[0], '<').includes('keyword.operator.script.http'));
    assert.ok(scopesOf(lines[0], '{%').includes('punctuation.section.embedded.begin.http'));
    assert.ok(!scopesOf(lines[0], '{%').includes(JS));
    assert.ok(scopesOf(lines[0], '%}').includes('punctuation.section.embedded.end.http'));
    assert.ok(lines[0].some((t) => t.text.includes('request.variables.set') && t.scopes.includes(JS)));
    assert.ok(scopesOf(lines[1], 'POST').includes('keyword.control.method.http'), 'the request line after it is a request line');
  });

  it('marks every line of a multi-line > {% %} handler after a JSON body as JavaScript, not JSON', () => {
    assert.ok(scopesOf(lines[6], '>').includes('keyword.operator.script.http'));
    for (const n of [7, 8]) {
      assert.ok(lines[n].every((t) => t.scopes.includes(JS)), `line ${n}`);
      assert.ok(!has(lines[n], 'meta.embedded.block.json'), `line ${n} is not JSON`);
    }
    assert.ok(scopesOf(lines[9], '%}').includes('punctuation.section.embedded.end.http'));
  });

  it('leaves JavaScript at %}: the ?? lines after it are assertions', () => {
    assert.ok(!has(lines[10], JS));
    assert.ok(scopesOf(lines[10], '??').includes('keyword.operator.assertion.http'));
  });

  it('scopes a ?? line: field, JSONPath, not, predicate, expected value and {{variables}}', () => {
    assert.ok(scopesOf(lines[10], 'status').includes('support.type.assertion-field.http'));
    assert.ok(scopesOf(lines[10], '==').includes('keyword.operator.assertion-predicate.http'));
    assert.ok(scopesOf(lines[10], '200').includes('string.unquoted.assertion-expected.http'));
    assert.ok(scopesOf(lines[11], 'body').includes('support.type.assertion-field.http'));
    assert.ok(scopesOf(lines[11], '$.user').includes('string.unquoted.json-path.http'));
    assert.ok(scopesOf(lines[11], 'not').includes('keyword.operator.logical.not.http'));
    assert.ok(scopesOf(lines[11], 'expectedUser').includes('variable.other.http'));
    assert.ok(scopesOf(lines[12], 'header').includes('support.type.assertion-field.http'));
    assert.ok(scopesOf(lines[12], 'content-type').includes('support.type.property-name.header.http'));
    assert.ok(scopesOf(lines[12], 'includes').includes('keyword.operator.assertion-predicate.http'));
  });

  it('takes a predicate right after body as the predicate, not as a path', () => {
    assert.ok(scopesOf(lines[18], 'exists').includes('keyword.operator.assertion-predicate.http'));
    assert.ok(scopesOf(lines[19], 'duration').includes('support.type.assertion-field.http'));
    assert.ok(scopesOf(lines[19], '<').includes('keyword.operator.assertion-predicate.http'));
  });

  it('scopes >> ./file as a save line and > ./handler.js as a script file', () => {
    assert.ok(scopesOf(lines[13], '>>').includes('keyword.operator.save-response.http'));
    assert.ok(scopesOf(lines[13], './out/login.json').includes('string.unquoted.path.http'));
    assert.ok(scopesOf(lines[14], '>').includes('keyword.operator.script.http'));
    assert.ok(scopesOf(lines[14], './check-login.js').includes('string.unquoted.path.http'));
  });

  it('with VS Code\'s own JavaScript grammar: client is a JS identifier, strings are JS strings, and %} still closes', async function () {
    if (!existsSync(VSCODE_JS_GRAMMAR)) this.skip();
    const js = await tokenize(FILE, { withJavaScript: true });
    assert.ok(js[7].some((t) => t.text === 'client' && t.scopes.some((s) => s.endsWith('.js') && s.startsWith('variable'))));
    assert.ok(js[7].some((t) => t.text === 'token' && t.scopes.some((s) => s.startsWith('string.quoted.double.js'))));
    assert.ok(scopesOf(js[9], '%}').includes('punctuation.section.embedded.end.http'));
    assert.ok(scopesOf(js[10], '??').includes('keyword.operator.assertion.http'));
    assert.ok(!has(js[10], JS));
    assert.ok(scopesOf(js[16], 'GET').includes('keyword.control.method.http'));
  });
});
