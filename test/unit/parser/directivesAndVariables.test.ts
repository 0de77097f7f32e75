import * as assert from 'node:assert/strict';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';

describe('parser: prologue, directives and file variables', () => {
  it('a first block without a request line is the prologue: its directives go to HttpFile.prologue', () => {
    const file = parseHttpFile([
      '@host = https://a.test',
      '# @session-header X-Client: demo',
      '// @session-auth basic user pass',
      '',
      '### first',
      'GET {{host}}/get',
    ].join('\n'));
    assert.deepEqual(file.prologue, [
      { name: 'session-header', value: 'X-Client: demo', line: 1 },
      { name: 'session-auth', value: 'basic user pass', line: 2 },
    ]);
    assert.equal(file.requests.length, 1);
    assert.deepEqual(file.requests[0].directives, []);
  });

  it('a first block with a request line is a normal request, not a prologue', () => {
    const file = parseHttpFile('# @no-redirect\nGET https://a.test/first\n\n###\nGET https://a.test/second');
    assert.deepEqual(file.prologue, []);
    assert.deepEqual(file.requests[0].directives, [{ name: 'no-redirect', value: '', line: 0 }]);
    assert.equal(file.requests[0].range.startLine, 0);
  });

  it('# @name NAME names the request; directives above and below the request line belong to it', () => {
    const file = parseHttpFile([
      '### Login',
      '# @name login',
      '#@no-cookie-jar',
      '// @session-header Authorization: Bearer {{login.response.body.$.token}}',
      'POST https://a.test/login',
      '# @timeout 5000',
      'Content-Type: application/json',
      '',
      '{}',
      '###',
      '// @name  list ',
      'GET https://a.test/list',
    ].join('\n'));
    const [login, list] = file.requests;
    assert.equal(login.name, 'login');
    assert.deepEqual(login.directives, [
      { name: 'name', value: 'login', line: 1 },
      { name: 'no-cookie-jar', value: '', line: 2 },
      { name: 'session-header', value: 'Authorization: Bearer {{login.response.body.$.token}}', line: 3 },
      { name: 'timeout', value: '5000', line: 5 },
    ]);
    assert.equal(list.name, 'list');
    assert.deepEqual(list.directives, [{ name: 'name', value: 'list', line: 10 }]);
    assert.deepEqual(file.diagnostics, []);
  });

  it('accepts every known directive without a warning', () => {
    const names = ['name x', 'no-redirect', 'no-cookie-jar', 'session other', 'session-header A: b', 'session-auth bearer t',
      'no-session-header Authorization', 'timeout 10', 'insecure', 'prompt password', 'note sure?', 'no-log'];
    const file = parseHttpFile(`${names.map((n) => `# @${n}`).join('\n')}\nGET https://a.test`);
    assert.equal(file.requests[0].directives.length, names.length);
    assert.deepEqual(file.diagnostics, []);
  });

  it('keeps an unknown directive and notes it once, as information, at its position', () => {
    const file = parseHttpFile('GET https://a.test\n  # @foo some value\n# @foo again');
    assert.deepEqual(file.requests[0].directives, [{ name: 'foo', value: 'some value', line: 1 }, { name: 'foo', value: 'again', line: 2 }]);
    assert.deepEqual(file.diagnostics, [
      { line: 1, column: 4, endColumn: 8, message: 'Directives HTTP Session does not know are ignored: @foo', severity: 'info' },
    ]);
  });

  it('does not treat prose with @ in comments as directives', () => {
    const file = parseHttpFile('# mail me at me@a.test\n# @user@a.test\n// @ alone\nGET https://a.test');
    assert.deepEqual(file.requests[0].directives, []);
    assert.deepEqual(file.diagnostics, []);
  });

  it('warns when @name holds characters a {{name.response…}} reference cannot use', () => {
    const file = parseHttpFile('# @name my request\nGET https://a.test');
    assert.equal(file.diagnostics.length, 1);
    assert.equal(file.diagnostics[0].severity, 'warning');
    assert.match(file.diagnostics[0].message, /@name needs a name/);
  });

  it('collects @name = value file variables from anywhere outside bodies, in order', () => {
    const file = parseHttpFile([
      '@host=https://a.test',
      '@token  =   abc {{other}}  ',
      'GET {{host}}',
      '',
      '###',
      '@host = https://b.test',
      '@empty =',
      'GET {{host}}',
    ].join('\n'));
    assert.deepEqual(file.variables, [
      { name: 'host', value: 'https://a.test', line: 0 },
      { name: 'token', value: 'abc {{other}}', line: 1 },
      { name: 'host', value: 'https://b.test', line: 5 },
      { name: 'empty', value: '', line: 6 },
    ]);
    assert.deepEqual(file.diagnostics, []);
  });

  it('reports a variable line without a name or without = as an error', () => {
    const file = parseHttpFile('@ = 1\n@host https://a.test\nGET https://a.test');
    assert.deepEqual(file.variables, []);
    assert.deepEqual(file.diagnostics.map((d) => [d.line, d.column, d.severity]), [[0, 0, 'error'], [1, 6, 'error']]);
    assert.match(file.diagnostics[0].message, /needs a name/);
    assert.match(file.diagnostics[1].message, /'@host' needs '='/);
    assert.equal(file.requests.length, 1);
  });
});
