import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer, type DemoServer } from '../../../src/demo/demoServer';
import { ensureCliBuilt, runCli } from './cliProcess';

interface JsonLine {
  name?: string; method: string; url: string; status: number | null; headers: Array<[string, string]>;
  body: string | null; hops: Array<{ status: number }>; cookies: { sent: Array<{ name: string }>; stored: Array<{ name: string }> };
  timings: { totalMs: number } | null; error: { code: string; message: string } | null;
}

describe('CLI output: human, --json, and request selection', function () {
  this.timeout(60_000);
  let demo: DemoServer;
  let dir: string;
  let file: string;

  before(async () => {
    await ensureCliBuilt();
    demo = await startDemoServer();
    dir = mkdtempSync(join(tmpdir(), 'cli-output-'));
    file = join(dir, 'mixed.http');
    writeFileSync(file, [
      '@base = ' + demo.url,
      '',
      '### Set a cookie through a redirect',
      `GET {{base}}/cookies/set?flavour=oat`,
      '',
      '###',
      '# @name json',
      'GET {{base}}/json',
      '',
      '###',
      '# @name png',
      'GET {{base}}/image/png',
      '',
      '###',
      'POST {{base}}/post',
      'Content-Type: application/json',
      '',
      '{"n": 1}',
      '',
    ].join('\n'));
  });
  after(async () => {
    await demo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const jsonLines = (stdout: string): JsonLine[] => stdout.trim().split('\n').map((line) => JSON.parse(line) as JsonLine);

  it('--json prints exactly one parseable JSON object per request per line, with status, headers and body', async () => {
    const run = await runCli(['send', file, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const lines = jsonLines(run.stdout);
    assert.equal(lines.length, 4);
    assert.deepEqual(lines.map((l) => l.status), [200, 200, 200, 200]);
    assert.deepEqual(lines[0].hops.map((h) => h.status), [302, 200]);
    assert.equal(JSON.parse(lines[0].body ?? '').cookies.flavour, 'oat');
    assert.deepEqual(lines[0].cookies.stored.map((c) => c.name), ['flavour']);
    assert.equal(lines[1].name, 'json');
    assert.ok(lines[1].headers.some(([n, v]) => n.toLowerCase() === 'content-type' && v === 'application/json'));
    assert.equal(lines[2].body, null);
    assert.equal(lines[3].method, 'POST');
    assert.deepEqual(JSON.parse(lines[3].body ?? '').json, { n: 1 });
    assert.ok(lines.every((l) => l.error === null && (l.timings?.totalMs ?? -1) >= 0));
  });

  it('--json reports a failed request with its error code and message', async () => {
    const down = join(dir, 'down.http');
    writeFileSync(down, 'GET http://127.0.0.1:1/\n');
    const run = await runCli(['send', down, '--json']);
    assert.equal(run.code, 1);
    const [line] = jsonLines(run.stdout);
    assert.equal(line.status, null);
    assert.equal(line.error?.code, 'REFUSED');
  });

  it('human output: ### title, the redirect hop, status line with time and size, headers, pretty JSON', async () => {
    const run = await runCli(['send', file, '--line', '4', '--show-secrets']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^### Set a cookie through a redirect\n/);
    assert.match(run.stdout, /↳ 302 Found → \/cookies/);
    assert.match(run.stdout, /HTTP\/1\.1 200 OK {2}\(\d+ ms, \d+ B\)/);
    assert.match(run.stdout, /Cookies stored: flavour=oat/);
    const json = await runCli(['send', file, '--name', 'json']);
    assert.match(json.stdout, /^### json\n/);
    assert.match(json.stdout, /\{\n {2}"slideshow": \{\n {4}"author": "Yours Truly"/);
  });

  it('a cookie the server expires shows as deleted, not as stored', async () => {
    const deleting = join(dir, 'delete.http');
    writeFileSync(deleting, `GET ${demo.url}/cookies/set?gone=soon\n\n###\nGET ${demo.url}/cookies/delete?gone\n`);
    const run = await runCli(['send', deleting, '--show-secrets']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Cookies stored: gone=soon \(127\.0\.0\.1\/\)/);
    assert.match(run.stdout, /Cookies stored: gone \(deleted\)/);
  });

  it('a binary body is shown as "<N bytes of TYPE>"', async () => {
    const run = await runCli(['send', file, '--name', 'png']);
    assert.match(run.stdout, /<70 bytes of image\/png>/);
  });

  it('--name picks the named requests in the order given; --line picks the request at a 1-based line', async () => {
    const byName = jsonLines((await runCli(['send', file, '--json', '--name', 'png', '--name', 'json'])).stdout);
    assert.deepEqual(byName.map((l) => l.name), ['png', 'json']);
    const byLine = jsonLines((await runCli(['send', file, '--json', '--line', '17'])).stdout);
    assert.deepEqual(byLine.map((l) => `${l.method} ${new URL(l.url).pathname}`), ['POST /post']);
  });

  it('an unknown --name or a --line outside every request is exit 2 naming what the file has', async () => {
    const name = await runCli(['send', file, '--name', 'nope']);
    assert.equal(name.code, 2);
    assert.match(name.stderr, /no request named 'nope' \(named requests: json, png\)/);
    const line = await runCli(['send', file, '--line', '1']);
    assert.equal(line.code, 2);
    assert.match(line.stderr, /:1: no request at this line/);
  });

  it('--var overrides a variable for the run', async () => {
    const varFile = join(dir, 'var.http');
    writeFileSync(varFile, 'GET {{host}}/get?who={{who}}\n');
    const run = await runCli(['send', varFile, '--json', '--var', `host=${demo.url}`, '--var', 'who=ann']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(jsonLines(run.stdout)[0].body ?? '').args, { who: 'ann' });
  });

  it('--var wins over a file variable of the same name', async () => {
    const varFile = join(dir, 'var-file.http');
    writeFileSync(varFile, '@who = file\nGET {{host}}/get?who={{who}}\n');
    const run = await runCli(['send', varFile, '--json', '--var', `host=${demo.url}`, '--var', 'who=cli']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(jsonLines(run.stdout)[0].body ?? '').args, { who: 'cli' });
  });
});
