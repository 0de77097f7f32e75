import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { curlToHttp } from '../../../src/core/curl/curlToHttp';
import { parseCurl } from '../../../src/core/curl/parseCurl';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { runRequest } from '../../../src/core/runner/runRequest';
import { DEFAULT_ENGINE_SETTINGS } from '../../../src/core/runner/types';
import { SessionStore } from '../../../src/core/session/sessionStore';
import { recordingServer, type Arrived } from './recordingServer';

/** Multipart bodies compared without their (random in curl) boundary and the optional CRLF after the last one. */
function normalized(request: Arrived): Arrived {
  const boundary = /boundary=(\S+)/.exec(request.headers['content-type'] ?? '')?.[1];
  if (!boundary) return request;
  return { ...request, body: request.body.split(boundary).join('B').replace(/\r\n$/, ''), headers: { ...request.headers, 'content-type': request.headers['content-type'].replace(boundary, 'B') } };
}

describe('paste cURL as request', () => {
  let server: Awaited<ReturnType<typeof recordingServer>>;
  let dir: string;
  before(async () => {
    server = await recordingServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paste-curl-'));
    fs.writeFileSync(path.join(dir, 'body.json'), '{"from":"file"}');
    fs.writeFileSync(path.join(dir, 'photo.bin'), Buffer.from([0, 1, 2, 255, 13, 10, 65]));
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const commands: Array<[string, string]> = [
    ['a POST with -X, -H and --data', `curl -X POST '{URL}/a?b=1' -H 'X-One: 1' -H "X-Two: two words" --data 'k=v&x=y'`],
    ['-d alone means POST with a form Content-Type, pieces joined with &', `curl {URL}/form -d a=1 -d 'b=two words'`],
    ['--data-urlencode encodes the value', `curl {URL}/enc --data-urlencode 'q=a b&c/d' --data-urlencode '=raw value'`],
    ['--json sets the JSON headers', `curl --json '{"a":[1,2]}' {URL}/json`],
    ['-u becomes Basic auth', `curl -u 'user:p@ss w' {URL}/auth`],
    ['-b sends cookies', `curl -b 'a=1; b=2' {URL}/cookies`],
    ["$'…' quoting and line continuations", `curl \\\n  -X PUT \\\n  $'{URL}/ansi' \\\n  -H $'X-Tab: a\\tb' -H 'Content-Type: text/plain' --data-binary $'line1\\nline2'`],
    ['-d @file reads the file', `curl -H 'Content-Type: application/json' -d @body.json {URL}/file`],
    ['-G moves data into the query', `curl -G {URL}/search -d q=x -d page=2`],
    ['grouped short flags and an attached value', `curl -sSLk -XPATCH {URL}/group -H'X-A: b' --compressed`],
    ['-F form fields and a file part', `curl {URL}/upload -F 'name=Ann Lee' -F 'photo=@photo.bin;type=application/octet-stream'`],
    ['-A and -e set User-Agent and Referer', `curl -A 'agent/1.0' -e 'http://ref/' {URL}/ua`],
    ['-I sends HEAD', `curl -I {URL}/head`],
  ];
  for (const [name, template] of commands) {
    it(`sends what curl sends: ${name}`, async function () {
      this.timeout(15_000);
      const command = template.replace(/\{URL\}/g, server.url);
      await promisify(execFile)('bash', ['-c', `${command} --silent --output /dev/null`], { cwd: dir });
      const byCurl = server.arrived.at(-1) as Arrived;
      const text = curlToHttp(parseCurl(command));
      const file = parseHttpFile(text);
      assert.deepEqual(file.diagnostics.filter((d) => d.severity === 'error'), [], text);
      const result = await runRequest({
        filePath: path.join(dir, 'pasted.http'), file, sessions: new SessionStore(), environment: {}, settings: { ...DEFAULT_ENGINE_SETTINGS, timeoutMs: 5000 },
      }, file.requests[0]);
      assert.equal(result.error, undefined, result.error?.describe());
      const ours = server.arrived.at(-1) as Arrived;
      const a = normalized(byCurl);
      const b = normalized(ours);
      assert.equal(b.method, a.method, text);
      assert.equal(b.url, a.url, text);
      assert.equal(b.body, a.body, text);
      for (const header of Object.keys(a.headers).filter((h) => !['user-agent', 'accept', 'host', 'content-length', 'accept-encoding', 'connection'].includes(h))) {
        assert.equal(b.headers[header], a.headers[header], `${header} in\n${text}`);
      }
    });
  }

  it('keeps unknown options as comments and -k / -m as directives', () => {
    const text = curlToHttp(parseCurl("curl -k -m 5 --proxy http://p:3128 --retry 3 --frobnicate 'https://h/x'"));
    assert.equal(text, [
      '# curl option not converted: --proxy http://p:3128',
      '# curl option not converted: --retry 3',
      '# curl option not converted: --frobnicate',
      '# @insecure',
      '# @timeout 5s',
      'GET https://h/x',
    ].join('\n'));
  });

  it('notes that a form body loses its line breaks (a form body is one line in .http)', () => {
    const text = curlToHttp(parseCurl("curl http://h/x --data-binary $'a=1\\nb=2'"));
    assert.match(text, /^# The body's line breaks are not kept/);
  });

  it('adds http:// to a URL written without a scheme, like curl', () => {
    assert.equal(parseCurl('curl localhost:8080/x').url, 'http://localhost:8080/x');
  });

  it('reports text that is not a curl command, and a command without a URL', () => {
    assert.match(parseCurl('wget http://x').problems.join(), /does not hold a curl command/);
    assert.match(parseCurl('curl -X POST').problems.join(), /names no URL/);
  });
});
