import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { requestAtLine } from '../../../src/core/parser/requestAtLine';
import { requestErrors } from '../../../src/core/parser/requestErrors';
import type { BodyPart, HttpFile } from '../../../src/core/parser/types';
import { buildRequest } from '../../../src/core/variables/buildRequest';
import { createResolver } from '../../../src/core/variables/createResolver';
import { looksLikeGraphqlBody } from '../../../src/core/variables/graphqlBody';

const fixture = (name: string): HttpFile => parseHttpFile(readFileSync(join(__dirname, '../../fixtures/compat', name), 'utf8'));
const text = (parts: readonly BodyPart[] | undefined): string => (parts ?? []).map((p) => (p.kind === 'text' ? p.text : `<${p.path}>`)).join('\n');

describe('parser: files written for REST Client, JetBrains and httpYac', () => {
  it('1. a # or // line inside a body is a comment: it is not sent, and a body of comments is no body', () => {
    const file = fixture('comments-in-body.http');
    assert.equal(text(file.requests[0].body?.parts), '{\n  "status": "shipped",\n  "carrier": "ups"\n}');
    assert.equal(file.requests[1].body, undefined);
    assert.equal(file.requests[2].body, undefined);
    assert.deepEqual(file.diagnostics, []);
  });

  it('1. a comment between body lines keeps each line at its own line number', () => {
    const file = fixture('comments-in-body.http');
    const parts = file.requests[0].body?.parts ?? [];
    assert.deepEqual(parts.map((p) => p.line), [5, 8]);
  });

  it('2. after a line we reject, the rest of the block is still read: its file variables and its request', () => {
    const file = fixture('keeps-reading.http');
    assert.deepEqual(file.variables.map((v) => v.name), ['base']);
    assert.equal(file.requests.length, 1);
    assert.equal(file.requests[0].url, '{{base}}/orders');
    assert.equal(file.requests[0].requestLine, 8);
    // One error for the prose line, one for the run of unknown statements: not one per line.
    assert.deepEqual(file.diagnostics.filter((d) => d.severity === 'error').map((d) => d.line), [0, 5]);
  });

  it('3. requestErrors: only requests with an error in their block are refused; a prologue error refuses all', () => {
    const file = parseHttpFile('GET https://a.test/ok\n\n###\nGET https://a.test/bad\nnot a header\n\n###\nGET https://a.test/fine');
    const errors = requestErrors(file, file.requests);
    assert.deepEqual([...errors.keys()].map((r) => r.url), ['https://a.test/bad']);
    const withPrologue = parseHttpFile('prose here\n\n###\nGET https://a.test/one\n\n###\nGET https://a.test/two');
    assert.equal(requestErrors(withPrologue, withPrologue.requests).size, 2);
  });

  it("4. '### create' names the request; prose after ### stays a title; '# @name = login' and '# @name=logout' name theirs", () => {
    const file = fixture('jetbrains-names.http');
    assert.deepEqual(file.requests.map((r) => r.name), ['create', undefined, 'login', 'logout']);
    assert.equal(file.requests[0].nameLine, 0);
    assert.equal(file.requests[1].title, 'Look at what we made');
    assert.deepEqual(file.diagnostics, []);
  });

  it('4. a # @name wins over the ### title', () => {
    const file = parseHttpFile('### create\n# @name made\nPOST https://a.test/');
    assert.equal(file.requests[0].name, 'made');
    assert.equal(file.requests[0].title, 'create');
  });

  it('5. a request line after a blank line starts a new request, with a warning and a fix inserting ### above it (and its comments)', () => {
    const file = fixture('no-separators.http');
    assert.deepEqual(file.requests.map((r) => `${r.method} ${r.url}`), ['GET https://shop.test/orders', 'GET https://shop.test/orders/1', 'POST {{base}}/orders']);
    assert.equal(file.requests[1].name, 'one');
    assert.equal(file.requests[0].body, undefined);
    const fixes = file.diagnostics.filter((d) => d.fix?.insert === '###\n');
    assert.deepEqual(fixes.map((d) => [d.line, d.severity, d.fix?.line]), [[3, 'warning', 2], [5, 'warning', 5]]);
    assert.equal(requestAtLine(file, 1), file.requests[0]);
    assert.equal(requestAtLine(file, 2), file.requests[1]);
  });

  it('6. a { line right after the headers starts the body, with a warning and a fix inserting the blank line', () => {
    const file = fixture('no-separators.http');
    const post = file.requests[2];
    assert.deepEqual(post.headers.map((h) => h.name), ['Content-Type']);
    assert.equal(text(post.body?.parts), '{\n  "item": "coffee"\n}');
    const fix = file.diagnostics.find((d) => d.fix?.insert === '\n');
    assert.deepEqual([fix?.line, fix?.fix?.line, fix?.severity], [7, 7, 'warning']);
    assert.equal(file.diagnostics.filter((d) => d.severity === 'error').length, 0);
  });

  it('7. a {{ … }} JavaScript block gets one warning and is never a request; the request after it is read', () => {
    const file = fixture('httpyac-shapes.http');
    assert.equal(file.requests[0].url, 'https://shop.test/graphql-as-json');
    assert.equal(file.requests[0].requestLine, 5);
    const js = file.diagnostics.filter((d) => d.message.startsWith('JavaScript blocks'));
    assert.deepEqual(js.map((d) => [d.line, d.severity]), [[0, 'warning']]);
  });

  it('7. a body whose first word is query (no GRAPHQL method, no X-Request-Type) is sent as GraphQL JSON', async () => {
    const file = fixture('httpyac-shapes.http');
    const sources = { filePath: '/w/a.http', fileVariables: [], environment: {}, namedResponse: () => undefined, processEnv: {} };
    const request = await buildRequest(file.requests[0], createResolver(sources), sources);
    assert.equal(Buffer.from(request.body as Uint8Array).toString('utf8'), JSON.stringify({ query: 'query Orders {\n  orders { id }\n}' }));
    assert.equal(looksLikeGraphqlBody(parseHttpFile('POST https://a.test/\n\nquery=tea&x=1').requests[0].body), false);
  });

  it('7. a response pasted below a request is not its body', () => {
    const file = fixture('httpyac-shapes.http');
    assert.equal(file.requests[1].url, 'https://shop.test/health');
    assert.equal(file.requests[1].body, undefined);
  });

  it("7. other tools' directives we do not run get one informational diagnostic for the file, naming each; @ref, @forceRef and @import are known", () => {
    const file = fixture('httpyac-shapes.http');
    const notes = file.diagnostics.filter((d) => d.message.startsWith('Directives HTTP Session does not know'));
    assert.equal(notes.length, 1);
    assert.equal(notes[0].severity, 'info');
    assert.match(notes[0].message, /: @loop$/);
    assert.deepEqual(file.requests[2].directives.map((d) => [d.name, d.value]), [['ref', 'login'], ['forceRef', 'other'], ['import', './auth.http'], ['loop', 'for 3']]);
  });

  it('8. a URL without a scheme is read as http:// with a hint, not an error', () => {
    const file = fixture('httpyac-shapes.http');
    assert.equal(file.requests[2].url, 'http://localhost:3000/api');
    const hint = file.diagnostics.find((d) => d.message.startsWith('No scheme'));
    assert.equal(hint?.severity, 'info');
    assert.equal(hint?.line, 25);
  });

  it('body-end rules leave ?? and > {% %} lines to the script parser: they are never body', () => {
    const file = parseHttpFile('POST https://a.test/\n\n{"a": 1}\n# note\n?? status == 200\n> {% client.log(1) %}');
    assert.equal(text(file.requests[0].body?.parts), '{"a": 1}');
  });

  it('all-shapes.http (the browser check counts its lenses): every shape at once still gives the five requests its author wrote', () => {
    const file = fixture('all-shapes.http');
    assert.deepEqual(file.requests.map((r) => `${r.method} ${r.url}`), [
      'POST {{base}}/orders', 'GET {{base}}/orders', 'GET {{base}}/orders/{{create.response.body.$.id}}', 'PUT {{base}}/orders/1', 'DELETE {{base}}/orders/1',
    ]);
    assert.deepEqual(file.requests.map((r) => r.name), ['create', 'list', undefined, undefined, 'remove']);
    assert.equal(text(file.requests[0].body?.parts), '{\n  "customer": 7\n}');
    assert.equal(text(file.requests[3].body?.parts), '{"state": "paid"}');
    assert.deepEqual(file.requests[3].directives.map((d) => [d.name, d.value]), [['ref', 'create']]);
    assert.equal(file.requests[4].body, undefined);
    assert.deepEqual(file.diagnostics.filter((d) => d.severity === 'error'), []);
  });
});
