import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpSessionError } from '../../../src/core/errors';
import type { OutgoingBody } from '../../../src/core/http/types';
import type { BodyPart, HeaderLine, RequestBlock } from '../../../src/core/parser/types';
import { buildRequest } from '../../../src/core/variables/buildRequest';
import { createResolver } from '../../../src/core/variables/createResolver';
import type { VariableSources } from '../../../src/core/variables/types';

let dir: string;
let filePath: string;

function block(method: string, url: string, headers: Array<[string, string]> = [], parts?: BodyPart[]): RequestBlock {
  const headerLines: HeaderLine[] = headers.map(([name, value], i) => ({ name, value, line: 2 + i }));
  return {
    method, url, headers: headerLines, directives: [], requestLine: 1,
    body: parts ? { parts, startLine: parts[0]?.line ?? 10, endLine: 20 } : undefined,
    range: { startLine: 0, endLine: 20 },
  };
}

function sources(overrides: Partial<VariableSources> = {}): VariableSources {
  return { filePath, fileVariables: [], environment: { host: '127.0.0.1:8080', token: 'abc' }, namedResponse: () => undefined, processEnv: {}, ...overrides };
}

async function build(b: RequestBlock, overrides: Partial<VariableSources> = {}) {
  const s = sources(overrides);
  return buildRequest(b, createResolver(s), s);
}

async function rejectsWith(promise: Promise<unknown>, code: string, pattern: RegExp): Promise<HttpSessionError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof HttpSessionError, String(error));
    assert.equal(error.code, code, error.message);
    assert.match(error.message, pattern);
    return error;
  }
  assert.fail('expected an error');
}

const text = (t: string, line = 10): BodyPart => ({ kind: 'text', text: t, line });
const file = (path: string, expandVariables: boolean, line = 12, encoding?: string): BodyPart =>
  encoding ? { kind: 'file', path, expandVariables, encoding, line } : { kind: 'file', path, expandVariables, line };
/** The body's bytes, asserting it is held in memory (files up to 1 MiB are read, as they always were). */
function bytes(body: OutgoingBody | undefined): Uint8Array {
  assert.ok(body === undefined || body instanceof Uint8Array, 'a small body stays bytes in memory');
  return body ?? new Uint8Array();
}
const utf8 = (body: OutgoingBody | undefined): string => Buffer.from(bytes(body)).toString('utf8');

describe('buildRequest', () => {
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hs-build-'));
    mkdirSync(join(dir, 'api'));
    filePath = join(dir, 'api', 'requests.http');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('URL', () => {
    it('expands variables and keeps method and headers in written order', async () => {
      const req = await build(block('PUT', 'http://{{host}}/items?q={{%token}}', [['X-B', '{{token}}'], ['x-a', ' 1 ']]));
      assert.deepEqual(req, { method: 'PUT', url: 'http://127.0.0.1:8080/items?q=abc', headers: [['X-B', 'abc'], ['x-a', '1']] });
    });

    it('origin-form /path uses the Host header', async () => {
      assert.equal((await build(block('GET', '/a/b', [['Host', '{{host}}']]))).url, 'http://127.0.0.1:8080/a/b');
      assert.equal((await build(block('GET', '/s', [['host', 'example.test:443']]))).url, 'https://example.test/s');
    });

    it('a URL without scheme is an INVALID_URL error naming the line', async () => {
      await rejectsWith(build(block('GET', '{{host}}/x')), 'INVALID_URL', /'127\.0\.0\.1:8080\/x' on line 2 has no scheme/);
      await rejectsWith(build(block('GET', '/x')), 'INVALID_URL', /line 2 is a path without a Host header/);
    });

    it('only http and https schemes are accepted', async () => {
      await rejectsWith(build(block('GET', 'ftp://example.test/x')), 'INVALID_URL', /scheme 'ftp:' on line 2 is not supported/);
      await rejectsWith(build(block('GET', 'http://exa mple.test:99999/')), 'INVALID_URL', /not a valid URL/);
    });

    it('a line break in the URL after expanding a variable names the variable', async () => {
      await rejectsWith(build(block('GET', 'http://h/{{bad}}'), { environment: { bad: 'a\nb' } }), 'INVALID_URL', /line 2 holds a line break after expanding \{\{bad\}\}/);
    });
  });

  describe('headers', () => {
    for (const [label, value, what] of [['CR', 'x\ry', 'a line break'], ['LF', 'x\ny', 'a line break'], ['NUL', 'x\0y', 'a NUL character']] as const) {
      it(`a header value holding ${label} after expansion is INVALID_HEADER naming the header, line and variable`, async () => {
        const error = await rejectsWith(
          build(block('GET', 'http://h/', [['Accept', '*/*'], ['X-A', 'pre-{{ evil }}']]), { environment: { evil: value } }),
          'INVALID_HEADER', new RegExp(`^Header 'X-A' on line 4 holds ${what} after expanding \\{\\{ evil \\}\\}; nothing was sent$`),
        );
        assert.equal(error.location?.line, 3);
      });
    }

    it('a control character from a file variable or a named header name is caught too', async () => {
      await rejectsWith(build(block('GET', 'http://h/', [['X-A', '{{v}}']]), { fileVariables: [{ name: 'v', value: 'a{{$processEnv ESC}}', line: 0 }], processEnv: { ESC: '\x1b' } }),
        'INVALID_HEADER', /control character \(0x1b\) after expanding \{\{v\}\}/);
      await rejectsWith(build(block('GET', 'http://h/', [['{{n}}', 'v']]), { environment: { n: 'X\nY' } }), 'INVALID_HEADER', /Header name on line 3 holds a line break after expanding \{\{n\}\}/);
      await rejectsWith(build(block('GET', 'http://h/', [['{{n}}', 'v']]), { environment: { n: 'X Y' } }), 'INVALID_HEADER', /'X Y' on line 3 is not a valid header name/);
    });

    it('tabs inside a value are allowed', async () => {
      assert.deepEqual((await build(block('GET', 'http://h/', [['X-T', 'a\tb']]))).headers, [['X-T', 'a\tb']]);
    });

    it('an unknown variable rejects before anything is built, naming it and its line', async () => {
      await rejectsWith(build(block('GET', 'http://h/', [['X', '{{nope}}']])), 'UNRESOLVED_VARIABLE', /^Unknown variable 'nope' on line 3$/);
    });
  });

  describe('body', () => {
    it('text parts expand variables; an unknown one names its own line', async () => {
      const req = await build(block('POST', 'http://h/', [], [text('{"t": "{{token}}",\n "n": 1}')]));
      assert.equal(utf8(req.body), '{"t": "abc",\n "n": 1}');
      assert.ok(req.body instanceof Uint8Array);
      await rejectsWith(build(block('POST', 'http://h/', [], [text('a\nb\n{{gone}}', 10)])), 'UNRESOLVED_VARIABLE', /'gone' on line 13/);
    });

    it('no body gives no bytes', async () => {
      assert.equal((await build(block('GET', 'http://h/'))).body, undefined);
    });

    it('< reads raw bytes relative to the .http file; <@ expands variables in the file', async () => {
      writeFileSync(join(dir, 'api', 'data.json'), '{"t":"{{token}}"}');
      const raw = await build(block('POST', 'http://h/', [], [file('./data.json', false)]));
      assert.equal(utf8(raw.body), '{"t":"{{token}}"}');
      const expanded = await build(block('POST', 'http://h/', [], [file('data.json', true)]));
      assert.equal(utf8(expanded.body), '{"t":"abc"}');
    });

    it('absolute body file paths are allowed', async () => {
      writeFileSync(join(dir, 'abs.bin'), Buffer.from([0, 255, 1]));
      const req = await build(block('POST', 'http://h/', [], [file(join(dir, 'abs.bin'), false)]));
      assert.deepEqual([...bytes(req.body)], [0, 255, 1]);
    });

    it('<@latin1 decodes the file as latin1 (sent as UTF-8); < sends the bytes untouched', async () => {
      writeFileSync(join(dir, 'api', 'l1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x7b, 0x7b, 0x74, 0x6f, 0x6b, 0x65, 0x6e, 0x7d, 0x7d]));
      const decoded = await build(block('POST', 'http://h/', [], [file('l1.txt', true, 12, 'latin1')]));
      assert.equal(utf8(decoded.body), 'café abc');
      const raw = await build(block('POST', 'http://h/', [], [file('l1.txt', false)]));
      assert.equal(bytes(raw.body)[3], 0xe9);
      await rejectsWith(build(block('POST', 'http://h/', [], [file('l1.txt', true, 12, 'klingon')])), 'BODY_FILE', /Unknown encoding 'klingon'.*line 13/);
    });

    it('an unreadable body file is BODY_FILE naming the path and line', async () => {
      await rejectsWith(build(block('POST', 'http://h/', [], [file('missing.json', false, 7)])), 'BODY_FILE', /missing\.json' on line 8 \(ENOENT\)/);
    });

    it('Restricted Mode refuses a body file outside the workspace, even through a relative path', async () => {
      writeFileSync(join(dir, 'outside.txt'), 'secret');
      writeFileSync(join(dir, 'api', 'inside.txt'), 'fine');
      const restricted = { restricted: true, workspaceRoot: join(dir, 'api') };
      await rejectsWith(build(block('POST', 'http://h/', [], [file('../outside.txt', false)]), restricted), 'BODY_FILE', /outside the workspace.*Restricted Mode/);
      assert.equal(utf8((await build(block('POST', 'http://h/', [], [file('inside.txt', false)]), restricted)).body), 'fine');
      assert.equal(utf8((await build(block('POST', 'http://h/', [], [file('../outside.txt', false)]), { workspaceRoot: join(dir, 'api') })).body), 'secret');
    });

    it('x-www-form-urlencoded bodies written over several lines are joined into one line', async () => {
      const req = await build(block('POST', 'http://h/', [['Content-Type', 'application/x-www-form-urlencoded; charset=utf-8']],
        [text('username=bob\n  &password={{token}}\n&x=1\n')]));
      assert.equal(utf8(req.body), 'username=bob&password=abc&x=1');
    });

    it('multipart bodies use CRLF line endings and inline file parts as bytes', async () => {
      writeFileSync(join(dir, 'api', 'pic.bin'), Buffer.from([0x89, 0x0a, 0x00, 0xff]));
      const req = await build(block('POST', 'http://h/', [['Content-Type', 'multipart/form-data; boundary=B']], [
        text('--B\nContent-Disposition: form-data; name="t"\n\n{{token}}\n--B\nContent-Disposition: form-data; name="f"; filename="pic.bin"\n', 10),
        file('pic.bin', false, 17),
        text('--B--', 18),
      ]));
      const expected = Buffer.concat([
        Buffer.from('--B\r\nContent-Disposition: form-data; name="t"\r\n\r\nabc\r\n--B\r\nContent-Disposition: form-data; name="f"; filename="pic.bin"\r\n\r\n'),
        Buffer.from([0x89, 0x0a, 0x00, 0xff]),
        Buffer.from('\r\n--B--'),
      ]);
      assert.deepEqual(Buffer.from(bytes(req.body)), expected);
    });
  });

  describe('GraphQL', () => {
    it('X-Request-Type: GraphQL sends {query, variables} as JSON without the X-Request-Type header', async () => {
      const req = await build(block('POST', 'http://h/graphql', [['X-Request-Type', 'GraphQL'], ['Content-Type', 'text/plain'], ['X-Keep', '1']], [
        text('query Q($id: ID!) {\n  item(id: $id) { name }\n}\n\n{"id": "{{token}}"}', 10),
      ]));
      assert.equal(req.method, 'POST');
      assert.deepEqual(req.headers, [['X-Keep', '1'], ['Content-Type', 'application/json']]);
      assert.deepEqual(JSON.parse(utf8(req.body)), { query: 'query Q($id: ID!) {\n  item(id: $id) { name }\n}', variables: { id: 'abc' } });
    });

    it('the GRAPHQL method becomes POST; a query without variables has no variables key', async () => {
      const req = await build(block('GRAPHQL', 'http://h/graphql', [], [text('{ me { id } }')]));
      assert.equal(req.method, 'POST');
      assert.deepEqual(JSON.parse(utf8(req.body)), { query: '{ me { id } }' });
      assert.deepEqual(req.headers, [['Content-Type', 'application/json']]);
    });

    it('bad variables JSON is a PARSE error naming the line', async () => {
      await rejectsWith(build(block('GRAPHQL', 'http://h/graphql', [], [text('{ me }\n\n{nope', 10)])), 'PARSE', /GraphQL variables starting on line 13 are not valid JSON/);
    });
  });
});
