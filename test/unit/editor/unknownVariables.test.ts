import * as assert from 'node:assert/strict';
import { unknownVariables } from '../../../src/core/editor/unknownVariables';
import { variableUses } from '../../../src/core/editor/variableUses';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';

function check(text: string, environment: string[] = [], named: string[] = []): Array<[number, number, number | undefined, string]> {
  const lines = text.split('\n');
  const file = parseHttpFile(text);
  return unknownVariables(file, variableUses(lines), { environment: new Set(environment), namedRequests: new Set(named) })
    .map((d) => [d.line, d.column, d.endColumn, d.message.split(':')[0]]);
}

describe('unknownVariables', () => {
  it('warns for a {{name}} that nothing defines, with the exact range of the name', () => {
    assert.deepEqual(check('GET http://x/{{ missing }}'), [[0, 16, 23, "Unknown variable 'missing'"]]);
  });

  it('accepts file variables, any environment variable, built-ins and named requests of the workspace', () => {
    const text = [
      '@host = http://x',
      'GET {{host}}/{{envOnly}}?t={{$timestamp -1 d}}&id={{$guid}}',
      'Authorization: Bearer {{login.response.body.$.token}}',
      'X-Enc: {{%host}}',
    ].join('\n');
    assert.deepEqual(check(text, ['envOnly'], ['login']), []);
  });

  it('warns for a named request that no file of the workspace names, and for an unknown built-in', () => {
    assert.deepEqual(check('GET http://x/{{nobody.response.body.$.id}}/{{$nope}}'), [
      [0, 15, 40, "Unknown request 'nobody'"],
      [0, 45, 50, "Unknown built-in variable '$nope'"],
    ]);
  });

  it('accepts a global (held by the session or set by a script of the workspace), so {{token}} is not flagged before the login ran', () => {
    const text = 'GET http://x/me\nAuthorization: Bearer {{token}}\nX-Other: {{other}}';
    const diagnostics = unknownVariables(parseHttpFile(text), variableUses(text.split('\n')), { environment: new Set(), namedRequests: new Set(), globals: new Set(['token']) });
    assert.deepEqual(diagnostics.map((d) => [d.line, d.message.split(':')[0]]), [[2, "Unknown variable 'other'"]]);
    assert.match(diagnostics[0].message, /global/);
  });

  it('a # @prompt name counts only inside its own request', () => {
    const text = ['# @prompt otp', 'GET http://x/{{otp}}', '', '###', 'GET http://x/{{otp}}'].join('\n');
    assert.deepEqual(check(text), [[4, 15, 18, "Unknown variable 'otp'"]]);
  });

  it('checks directive values but not plain comments', () => {
    const text = ['# see {{nothing}}', '# @session-header X-A: {{gone}}', 'GET http://x/'].join('\n');
    assert.deepEqual(check(text), [[1, 25, 29, "Unknown variable 'gone'"]]);
  });

  it('checks the variable a $processEnv %name reads its name from', () => {
    assert.deepEqual(check('GET http://x/{{$processEnv %which}}'), [[0, 15, 33, "Unknown variable 'which'"]]);
  });
});
