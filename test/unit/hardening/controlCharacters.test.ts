import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type TestServer } from '../../support/startServer';
import { ensureCliBuilt } from '../cli/cliProcess';
import { cliSend, contextIn, oneErrorLine, runAt, tempDir } from './hardeningKit';
import { hardeningCase } from './hardeningCase';

const AREA = 'Bad input: control characters in variables never reach the wire';

interface Injection {
  label: string;
  /** The request file; `URL` is replaced by the recorder's URL. */
  text: string;
  value: string;
  code: 'INVALID_HEADER' | 'INVALID_URL';
  /** What the message must say about the character. */
  what: RegExp;
}

const INJECTIONS: Injection[] = [
  { label: 'CR LF in a header value', text: 'GET URL/\nX-Token: {{v}}\n', value: 'abc\r\nX-Injected: 1', code: 'INVALID_HEADER', what: /line break/ },
  { label: 'a bare LF in a header value', text: 'GET URL/\nX-Token: {{v}}\n', value: 'abc\nX-Injected: 1', code: 'INVALID_HEADER', what: /line break/ },
  { label: 'a bare CR in a header value', text: 'GET URL/\nX-Token: {{v}}\n', value: 'abc\rX-Injected: 1', code: 'INVALID_HEADER', what: /line break/ },
  { label: 'NUL in a header value', text: 'GET URL/\nX-Token: {{v}}\n', value: 'abc\0def', code: 'INVALID_HEADER', what: /NUL/ },
  { label: 'ESC in a header value', text: 'GET URL/\nX-Token: {{v}}\n', value: 'abc\x1b[31m', code: 'INVALID_HEADER', what: /control character \(0x1b\)/ },
  { label: 'DEL in a header value', text: 'GET URL/\nX-Token: {{v}}\n', value: 'abc\x7f', code: 'INVALID_HEADER', what: /control character \(0x7f\)/ },
  { label: 'CR LF in a header name', text: 'GET URL/\n{{v}}: 1\n', value: 'X-A\r\nX-Injected', code: 'INVALID_HEADER', what: /line break/ },
  { label: 'CR LF in the URL', text: 'GET URL/{{v}}\n', value: 'a HTTP/1.1\r\nHost: evil.test\r\n\r\n', code: 'INVALID_URL', what: /line break/ },
  { label: 'LF in a # @session-header value', text: '# @session-header X-Team: {{v}}\n###\nGET URL/\n', value: 'a\nX-Injected: 1', code: 'INVALID_HEADER', what: /line break/ },
  { label: 'LF in a # @session-auth bearer token', text: '# @session-auth bearer {{v}}\n###\nGET URL/\n', value: 'tok\nX-Injected: 1', code: 'INVALID_HEADER', what: /line break/ },
  { label: 'an emoji (outside Latin-1) in a header value', text: 'GET URL/\nX-Token: {{v}}\n', value: 'tok😀', code: 'INVALID_HEADER', what: /cannot be sent in a header/ },
  { label: 'a line separator U+2028 in a header value', text: 'GET URL/\nX-Token: {{v}}\n', value: 'a\u2028X-Injected: 1', code: 'INVALID_HEADER', what: /cannot be sent in a header/ },
];

function printable(value: string): string {
  return JSON.stringify(value);
}

describe('hardening: variables holding control characters are refused, naming the variable; nothing is sent', function () {
  let server: TestServer;
  let dir: string;
  before(async function () {
    this.timeout(60_000);
    await ensureCliBuilt();
    server = await startServer((_req, res) => { res.end('should never be reached'); });
    dir = tempDir('ctl');
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const nothingArrived = (): void => {
    assert.equal(server.requests.length, 0, 'the server received a request');
    assert.equal(server.connections, 0, 'the client even connected');
  };

  for (const injection of INJECTIONS) {
    hardeningCase(__filename, AREA, `${injection.label}: refused by runRequest and the CLI (exit 2)`,
      `{{v}} = ${printable(injection.value)} (runRequest environment; CLI --env file) in: ${injection.text.replace(/\n/g, ' ⏎ ')}`, async () => {
        const text = injection.text.replace('URL', server.url);
        const result = await runAt(contextIn(dir, text, { environment: { v: injection.value } }));
        assert.equal(result.error?.code, injection.code, result.error?.describe());
        assert.equal(result.exchange, undefined);
        const message = result.error?.describe() ?? '';
        assert.match(message, /\{\{v\}\}/, 'names the variable');
        assert.match(message, injection.what);
        assert.match(message, /requests\.http:\d+: /, 'names file and line');
        // Through an environment file: argv cannot carry NUL.
        writeFileSync(join(dir, 'http-client.env.json'), JSON.stringify({ dev: { v: injection.value } }));
        try {
          const run = await cliSend(dir, text, ['--env', 'dev']);
          assert.equal(run.code, 2, run.stderr);
          assert.match(oneErrorLine(run), /\{\{v\}\}/);
        } finally {
          rmSync(join(dir, 'http-client.env.json'), { force: true });
        }
        nothingArrived();
        return `${injection.code}: ${message.slice(message.lastIndexOf('requests.http'))}; CLI exit 2; server saw 0 connections`;
      });
  }

  hardeningCase(__filename, AREA, 'CR LF from --var on the command line: refused (exit 2)',
    "--var 'token=abc\\r\\nX-Injected: 1' with X-Token: {{token}}", async () => {
      const run = await cliSend(dir, `GET ${server.url}/\nX-Token: {{token}}\n`, ['--var', 'token=abc\r\nX-Injected: 1']);
      assert.equal(run.code, 2, run.stderr);
      const line = oneErrorLine(run);
      assert.match(line, /requests\.http:2: .*line break.*\{\{token\}\}/);
      nothingArrived();
      return `exit 2: ${line}`;
    });

  hardeningCase(__filename, AREA, 'CR LF in a settings default header value: refused, naming the setting and variable',
    'settings defaultHeaders [["X-Team", "{{team}}"]], team = "a\\r\\nX-Injected: 1"', async () => {
      const ctx = contextIn(dir, `GET ${server.url}/\n`, { environment: { team: 'a\r\nX-Injected: 1' } }, { defaultHeaders: [['X-Team', '{{team}}']] });
      const result = await runAt(ctx);
      assert.equal(result.error?.code, 'INVALID_HEADER', result.error?.describe());
      assert.match(result.error?.message ?? '', /httpSession\.defaultHeaders/);
      assert.match(result.error?.message ?? '', /X-Team.*\{\{team\}\}/);
      nothingArrived();
      return `${result.error?.code}: ${result.error?.message}`;
    });

  hardeningCase(__filename, AREA, 'a session default header edited to hold an emoji: refused as a bad value, not as a managed header',
    "session.setDefaultHeader('X-Team', 'a😀') (as the tree's edit does), then a request", async () => {
      const ctx = contextIn(dir, `GET ${server.url}/\n`);
      ctx.sessions.get('default').setDefaultHeader('X-Team', 'a😀');
      const result = await runAt(ctx);
      assert.equal(result.error?.code, 'INVALID_HEADER');
      assert.match(result.error?.message ?? '', /^The X-Team header holds a character that cannot be sent in a header/);
      nothingArrived();
      return `${result.error?.code}: ${result.error?.message}`;
    });
});
