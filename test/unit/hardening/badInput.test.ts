import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvironments } from '../../../src/core/variables/environments';
import { rawServer, type RawServer } from '../../support/rawServer';
import { startServer, type TestServer } from '../../support/startServer';
import { ensureCliBuilt } from '../cli/cliProcess';
import { cliSend, contextIn, oneErrorLine, runAt, tempDir } from './hardeningKit';
import { hardeningCase } from './hardeningCase';

const AREA = 'Bad input: malformed URLs, methods, body files and environment files';

const BAD_URLS: Array<[label: string, url: string, says: RegExp]> = [
  ['a space in the host', 'http://exa mple.test/', /is not a valid URL/],
  ['a port above 65535', 'http://127.0.0.1:123456/', /is not a valid URL/],
  ['an unclosed IPv6 bracket', 'http://[::1/', /is not a valid URL/],
  ['no host (http:///path)', 'http:///path', /has no host/],
  ['an ftp: URL', 'ftp://127.0.0.1/file', /scheme 'ftp:'.*not supported/],
  ['a javascript: URL', 'javascript:alert(1)', /has no scheme/],
  ['a variable that is not a URL', '{{base}}/x', /has no scheme/],
];

describe('hardening: bad input gets one clear message naming file and line, and nothing is sent', function () {
  let server: TestServer;
  let dir: string;
  before(async function () {
    this.timeout(60_000);
    await ensureCliBuilt();
    server = await startServer((_req, res) => { res.end('ok'); });
    dir = tempDir('input');
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => { server.requests.length = 0; });

  for (const [label, url, says] of BAD_URLS) {
    hardeningCase(__filename, AREA, `malformed URL (${label}): INVALID_URL naming the line; CLI exit 2`, `GET ${url}`, async () => {
      const text = `# a comment\nGET ${url}\n`;
      const result = await runAt(contextIn(dir, text, { environment: { base: 'not a url' } }));
      assert.equal(result.error?.code, 'INVALID_URL', result.error?.describe());
      assert.equal(result.exchange, undefined);
      assert.match(result.error?.describe() ?? '', /requests\.http:2: /);
      assert.match(result.error?.message ?? '', says);
      const run = await cliSend(dir, text, ['--var', 'base=not a url']);
      assert.equal(run.code, 2, run.stderr);
      assert.match(oneErrorLine(run), /requests\.http:2: /);
      return `INVALID_URL: ${result.error?.message}; CLI exit 2`;
    });
  }

  hardeningCase(__filename, AREA, 'an unknown upper-case method is sent as written',
    'FROB http://127.0.0.1:PORT/ (a raw server records the request line)', async () => {
      let requestLine = '';
      const raw: RawServer = await rawServer((socket) => {
        socket.once('data', (chunk: Buffer) => {
          requestLine = chunk.toString('latin1').split('\r\n')[0];
          socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
        });
      });
      try {
        const result = await runAt(contextIn(dir, `FROB ${raw.url}/thing\n`));
        assert.equal(result.error, undefined);
        assert.equal(requestLine, 'FROB /thing HTTP/1.1');
        return `sent as "${requestLine}"; 200 shown`;
      } finally {
        await raw.close();
      }
    });

  hardeningCase(__filename, AREA, 'a lower-case garbage line is a parse error naming line and column; CLI exit 2, nothing sent',
    `frobnicate the server please (line 2 of a file)`, async () => {
      const text = `# first line\nfrobnicate the server please\n\n###\nGET ${server.url}/after\n`;
      const ctx = contextIn(dir, text);
      const diagnostic = ctx.file.diagnostics.find((d) => d.severity === 'error');
      assert.equal(diagnostic?.line, 1);
      assert.match(diagnostic?.message ?? '', /request line/i);
      const run = await cliSend(dir, text);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /requests\.http:2:1: error: .*request line/i);
      assert.equal(server.requests.length, 0, 'no request of the file was sent');
      return `diagnostic "${diagnostic?.message}" at 2:1; CLI exit 2; 0 requests sent`;
    });

  hardeningCase(__filename, AREA, 'a missing body file: BODY_FILE naming path and line; CLI exit 2',
    'POST with body "< ./missing.json"', async () => {
      const text = `POST ${server.url}/\nContent-Type: application/json\n\n< ./missing.json\n`;
      const result = await runAt(contextIn(dir, text));
      assert.equal(result.error?.code, 'BODY_FILE');
      assert.match(result.error?.describe() ?? '', /requests\.http:4: Cannot read body file '.*missing\.json' \(ENOENT\)/);
      const run = await cliSend(dir, text);
      assert.equal(run.code, 2);
      assert.match(oneErrorLine(run), /missing\.json.*ENOENT/);
      assert.equal(server.requests.length, 0);
      return `BODY_FILE: ${result.error?.message}; CLI exit 2; 0 requests`;
    });

  hardeningCase(__filename, AREA, 'a body file that is a directory: BODY_FILE naming path and line; CLI exit 2',
    'POST with body "< ./folder" where folder is a directory', async () => {
      mkdirSync(join(dir, 'folder'), { recursive: true });
      const text = `POST ${server.url}/\n\n< ./folder\n`;
      const result = await runAt(contextIn(dir, text));
      assert.equal(result.error?.code, 'BODY_FILE');
      assert.match(result.error?.message ?? '', /folder' on line 3 \(EISDIR\)/);
      const run = await cliSend(dir, text);
      assert.equal(run.code, 2);
      assert.match(oneErrorLine(run), /EISDIR/);
      assert.equal(server.requests.length, 0);
      return `BODY_FILE: ${result.error?.message}; CLI exit 2; 0 requests`;
    });

  hardeningCase(__filename, AREA, 'a body file with an unknown encoding: BODY_FILE naming the encoding; CLI exit 2',
    'POST with body "<@klingon ./data.txt"', async () => {
      writeFileSync(join(dir, 'data.txt'), 'hello');
      const text = `POST ${server.url}/\n\n<@klingon ./data.txt\n`;
      const result = await runAt(contextIn(dir, text));
      assert.equal(result.error?.code, 'BODY_FILE');
      assert.match(result.error?.message ?? '', /Unknown encoding 'klingon'.*line 3/);
      const run = await cliSend(dir, text);
      assert.equal(run.code, 2);
      assert.equal(server.requests.length, 0);
      return `BODY_FILE: ${result.error?.message}; CLI exit 2`;
    });

  hardeningCase(__filename, AREA, 'variables that expand exponentially (a billion laughs) stop at 100 MB with a clear error',
    '@a0 = xxxxxxxxxx, @a1 = {{a0}}{{a0}}, … @a30 = {{a29}}{{a29}}; header X: {{a30}}', async () => {
      const lines = ['@a0 = xxxxxxxxxx'];
      for (let i = 1; i <= 30; i++) lines.push(`@a${i} = {{a${i - 1}}}{{a${i - 1}}}`);
      const text = `${lines.join('\n')}\n\nGET ${server.url}/\nX-Big: {{a30}}\n`;
      const heapBefore = process.memoryUsage().heapUsed;
      const result = await runAt(contextIn(dir, text));
      assert.equal(result.error?.code, 'UNRESOLVED_VARIABLE', result.error?.describe());
      assert.match(result.error?.message ?? '', /more than 100 MB/);
      assert.equal(server.requests.length, 0);
      const run = await cliSend(dir, text);
      assert.equal(run.code, 2, run.stderr);
      assert.match(oneErrorLine(run), /more than 100 MB/);
      global.gc?.();
      assert.ok(process.memoryUsage().heapUsed - heapBefore < 600 * 1024 * 1024);
      return `UNRESOLVED_VARIABLE: ${result.error?.message}; CLI exit 2`;
    }, 60_000);

  const BAD_ENV: Array<[label: string, content: string, says: RegExp]> = [
    ['a trailing comma (invalid JSON)', '{\n  "dev": {\n    "base": "x",\n  }\n}', /\.json:4: .*not valid JSON at column 3/],
    ['an array instead of an object', '["dev"]', /must hold a JSON object of environments/],
    ['an environment that is a string', '{ "dev": "http://x" }', /Environment 'dev' .* must be an object/],
    ['binary garbage', '\u0000\u0001PK\u0003\u0004', /not valid JSON/],
  ];
  for (const [label, content, says] of BAD_ENV) {
    hardeningCase(__filename, AREA, `a bad environment file (${label}): ENVIRONMENT naming the file; CLI --env exit 2`,
      `http-client.env.json = ${JSON.stringify(content)}`, async () => {
        const envDir = join(dir, `env-${label.replace(/\W+/g, '-')}`);
        mkdirSync(envDir, { recursive: true });
        writeFileSync(join(envDir, 'http-client.env.json'), content);
        const environments = await loadEnvironments(envDir);
        assert.equal(environments.errors.length, 1);
        const message = environments.errors[0].describe();
        assert.match(message, /http-client\.env\.json/);
        assert.match(message, says);
        const run = await cliSend(envDir, `GET ${server.url}/\n`, ['--env', 'dev']);
        assert.equal(run.code, 2, run.stderr);
        assert.match(oneErrorLine(run), /http-client\.env\.json/);
        assert.equal(server.requests.length, 0);
        return `ENVIRONMENT: ${message}; CLI exit 2; 0 requests`;
      });
  }

  hardeningCase(__filename, AREA, 'an unknown environment name: ENVIRONMENT listing the known ones; CLI exit 2',
    '--env staging with environments dev and prod', async () => {
      const envDir = join(dir, 'env-known');
      mkdirSync(envDir, { recursive: true });
      writeFileSync(join(envDir, 'http-client.env.json'), JSON.stringify({ dev: {}, prod: {} }));
      const run = await cliSend(envDir, `GET ${server.url}/\n`, ['--env', 'staging']);
      assert.equal(run.code, 2);
      const line = oneErrorLine(run);
      assert.match(line, /Unknown environment 'staging': known environments: dev, prod/);
      assert.equal(server.requests.length, 0);
      return line;
    });

  hardeningCase(__filename, AREA, 'a malformed # @timeout: PARSE naming the line; CLI exit 2',
    '# @timeout soon', async () => {
      const text = `# @timeout soon\nGET ${server.url}/\n`;
      const result = await runAt(contextIn(dir, text));
      assert.equal(result.error?.code, 'PARSE');
      assert.match(result.error?.describe() ?? '', /requests\.http:1: @timeout needs a number/);
      const run = await cliSend(dir, text);
      assert.equal(run.code, 2);
      assert.equal(server.requests.length, 0);
      return `PARSE: ${result.error?.message}; CLI exit 2`;
    });
});
