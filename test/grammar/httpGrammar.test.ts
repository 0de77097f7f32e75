import * as assert from 'node:assert/strict';
import { scopesOf, tokenize } from './tokenize';

const FILE = [
  '@host = http://127.0.0.1:8080',          // 0
  '# a plain comment',                      // 1
  '// another comment',                     // 2
  '### Log in',                             // 3
  '# @name login',                          // 4
  'POST {{host}}/login HTTP/1.1',           // 5
  'Content-Type: application/json',         // 6
  'X-Trace: {{$guid}}',                     // 7
  '',                                       // 8
  '{ "user": "{{user}}", "n": 1 }',         // 9
  '',                                       // 10
  '###',                                    // 11
  'GET https://example.com/items',          // 12
  '  ?page=2',                              // 13
  'Accept: text/xml',                       // 14
  '',                                       // 15
  'plain body {{token}}',                   // 16
  '###',                                    // 17
  'PUT /doc',                               // 18
  'Content-Type: application/xml',          // 19
  '',                                       // 20
  '<a>{{v}}</a>',                           // 21
  '###',                                    // 22
  'https://example.com/alone',              // 23
].join('\n');

describe('grammar: syntaxes/http.tmLanguage.json', () => {
  let lines: Awaited<ReturnType<typeof tokenize>>;
  before(async () => { lines = await tokenize(FILE); });

  it('scopes a file variable definition: name, =, value', () => {
    assert.ok(scopesOf(lines[0], 'host').includes('variable.other.definition.http'));
    assert.ok(scopesOf(lines[0], '=').includes('keyword.operator.assignment.http'));
    assert.ok(scopesOf(lines[0], 'http://127.0.0.1:8080').includes('string.unquoted.variable-value.http'));
  });

  it('scopes # and // lines as comments', () => {
    assert.ok(lines[1].every((t) => t.scopes.includes('comment.line.number-sign.http')));
    assert.ok(lines[2].every((t) => t.scopes.includes('comment.line.double-slash.http')));
  });

  it('scopes ### as a request separator with its title', () => {
    assert.ok(scopesOf(lines[3], '###').includes('punctuation.separator.request.http'));
    assert.ok(scopesOf(lines[3], ' Log in').includes('entity.name.section.request-title.http'));
  });

  it('scopes # @name as a directive keyword with its value', () => {
    assert.ok(scopesOf(lines[4], '@name').includes('keyword.other.directive.http'));
    assert.ok(scopesOf(lines[4], ' login').includes('string.unquoted.directive-value.http'));
  });

  it('scopes the request line: method, URL with {{variable}}, HTTP version', () => {
    assert.ok(scopesOf(lines[5], 'POST').includes('keyword.control.method.http'));
    assert.ok(scopesOf(lines[5], 'host').includes('variable.other.http'));
    assert.ok(scopesOf(lines[5], 'host').includes('string.unquoted.url.http'));
    assert.ok(scopesOf(lines[5], '{{').includes('punctuation.definition.template-expression.begin.http'));
    assert.ok(scopesOf(lines[5], '/login').includes('string.unquoted.url.http'));
    assert.ok(scopesOf(lines[5], 'HTTP/1.1').includes('constant.language.http-version.http'));
  });

  it('scopes header names, the colon and values, with dynamic variables inside values', () => {
    assert.ok(scopesOf(lines[6], 'Content-Type').includes('support.type.property-name.header.http'));
    assert.ok(scopesOf(lines[6], ':').includes('punctuation.separator.key-value.http'));
    assert.ok(scopesOf(lines[7], 'X-Trace').includes('support.type.property-name.header.http'));
    assert.ok(scopesOf(lines[7], '$guid').includes('support.function.dynamic-variable.http'));
  });

  it('marks a JSON body (Content-Type application/json) as embedded source.json, variables still scoped', () => {
    assert.ok(lines[9].every((t) => t.scopes.includes('meta.embedded.block.json')));
    assert.ok(scopesOf(lines[9], 'user').includes('variable.other.http'));
  });

  it('ends the request at ###: the next request line is scoped afresh', () => {
    assert.ok(!lines[11].some((t) => t.scopes.includes('meta.embedded.block.json')));
    assert.ok(scopesOf(lines[12], 'GET').includes('keyword.control.method.http'));
    assert.ok(!lines[12].some((t) => t.scopes.includes('meta.embedded.block.json')));
  });

  it('scopes query continuation lines as part of the URL', () => {
    assert.ok(scopesOf(lines[13], '?').includes('punctuation.separator.query.http'));
    assert.ok(scopesOf(lines[13], 'page=2').includes('string.unquoted.url.http'));
  });

  it('leaves a body without a JSON/XML Content-Type plain, except {{variables}}', () => {
    assert.ok(!lines[16].some((t) => t.scopes.some((s) => s.startsWith('meta.embedded'))));
    assert.ok(scopesOf(lines[16], 'token').includes('variable.other.http'));
    assert.ok(scopesOf(lines[16], 'plain body ').includes('meta.request.body.http'));
  });

  it('marks an XML body (Content-Type application/xml) as embedded text.xml', () => {
    assert.ok(lines[21].every((t) => t.scopes.includes('meta.embedded.block.xml')));
  });

  it('scopes a URL alone on its line as a GET request line', () => {
    assert.ok(scopesOf(lines[23], 'https://example.com/alone').includes('string.unquoted.url.http'));
  });
});
