import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { startServer, type TestServer } from '../../support/startServer';
import { cliWorkspace, runCli } from './cliProcess';

describe('CLI: http-session test and tests in send', function () {
  this.timeout(60_000);
  let server: TestServer;
  const work = cliWorkspace('cli-test-');
  const write = work.write;

  before(async () => {
    server = await startServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.url === '/login') {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end('{"token":"t-42","user":{"id":7}}');
        } else if (req.url === '/me') {
          const ok = req.headers.authorization === 'Bearer t-42';
          res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' });
          res.end(ok ? '{"name":"Ann <b>&amp;</b>"}' : '{"error":"no token"}');
        } else {
          res.writeHead(200, { 'Content-Type': 'text/html' });
          res.end('<script>alert(1)</script>');
        }
      });
    });
    write('suite/a-login.http', `### login\nPOST ${server.url}/login\n\n> {%\n  client.global.set("token", response.body.token);\n  client.test("token present", function () { client.assert(response.body.token, "no token"); });\n%}\n?? status == 200\n?? body user.id == 7\n`);
    write('suite/b-me.http', `### me\nGET ${server.url}/me\nAuthorization: Bearer {{token}}\n\n?? status == 200\n?? body name startsWith Ann\n\n### page\nGET ${server.url}/page\n?? status == 201\n?? header content-type includes json\n`);
    write('suite/notes.txt', 'not a request file');
  });
  after(async () => {
    await server.close();
  });

  it('runs a folder in sorted order through one session: globals flow across files; Hurl-style failures; closing line; exit 4', async () => {
    const run = await runCli(['test', join(work.dir, 'suite')], { cwd: work.dir });
    assert.equal(run.code, 4, run.stderr);
    const out = run.stdout;
    assert.ok(out.indexOf('a-login.http') < out.indexOf('b-me.http'));
    assert.match(out, /✔ login {2}200 {2}\d+ ms/);
    assert.match(out, /✔ me {2}200/);
    assert.match(out, /✘ page {2}200 {2}\d+ ms \(2 of 2 tests failed\)/);
    assert.match(out, /error: page: status == 201\n {2}--> suite\/b-me\.http:10:1\n {3}\|\n10 \| \?\? status == 201\n {3}\| \^+ status: expected == 201, actual 200\n {3}\| expected: == 201\n {3}\| actual: {3}200\n/);
    assert.match(out, /error: page: header content-type includes json\n {2}--> suite\/b-me\.http:11:1/);
    assert.match(out, /\n5 passed, 2 failed\n$/);
  });

  it('exits 0 when every test passes; --session keeps the global for a later run', async () => {
    const session = join(work.dir, 'session.json');
    const first = await runCli(['test', join(work.dir, 'suite', 'a-login.http'), '--session', session]);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.match(first.stdout, /\n3 passed, 0 failed\n$/);
    assert.deepEqual(JSON.parse(readFileSync(session, 'utf8')).sessions.default.globals, { token: 't-42' });
    const later = write('later.http', `GET ${server.url}/me\nAuthorization: Bearer {{token}}\n?? status == 200\n`);
    const second = await runCli(['test', later, '--session', session]);
    assert.equal(second.code, 0, second.stdout + second.stderr);
    const shown = await runCli(['session', 'show', '--session', session]);
    assert.match(shown.stdout, /Globals\n {4}token = ••••••/);
    await runCli(['session', 'clear', '--session', session]);
    const cleared = await runCli(['test', later, '--session', session]);
    assert.equal(cleared.code, 2);
    assert.match(cleared.stderr, /Unknown variable 'token'/);
  });

  it('--report-junit writes XML an XML parser accepts: testsuite per file, testcase per test with classname, file, line, failure', async () => {
    const junit = join(work.dir, 'junit.xml');
    const run = await runCli(['test', 'suite', '--report-junit', junit], { cwd: work.dir });
    assert.equal(run.code, 4);
    const xml = readFileSync(junit, 'utf8');
    assert.equal(XMLValidator.validate(xml), true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as { testsuites: { tests: string; failures: string; testsuite: Array<{ name: string; testcase: Array<Record<string, unknown>> }> } };
    assert.equal(doc.testsuites.tests, '7');
    assert.equal(doc.testsuites.failures, '2');
    assert.deepEqual(doc.testsuites.testsuite.map((s) => s.name), ['suite/a-login.http', 'suite/b-me.http']);
    const failed = doc.testsuites.testsuite[1].testcase.find((c) => c.name === 'status == 201');
    assert.equal(failed?.classname, 'page');
    assert.equal(failed?.file, 'suite/b-me.http');
    assert.equal(failed?.line, '10');
    assert.match(JSON.stringify(failed?.failure), /status: expected == 201, actual 200/);
  });

  it('--report-html escapes response text and allows no script; --report-json has every test', async () => {
    const html = join(work.dir, 'report.html');
    const json = join(work.dir, 'report.json');
    await runCli(['test', join(work.dir, 'suite'), '--report-html', html, '--report-json', json], { cwd: work.dir });
    const page = readFileSync(html, 'utf8');
    assert.ok(!page.includes('<script>alert(1)</script>'));
    assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.match(page, /Content-Security-Policy" content="default-src 'none'/);
    assert.match(page, /5 passed, 2 failed/);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { passed: number; failed: number; files: Array<{ requests: Array<{ tests: unknown[] }> }> };
    assert.deepEqual([report.passed, report.failed, report.files.length], [5, 2, 2]);
  });

  it('--bail stops after the first file with a failure', async () => {
    write('bail/1.http', `GET ${server.url}/page\n?? status == 500\n`);
    write('bail/2.http', `GET ${server.url}/page\n`);
    const run = await runCli(['test', join(work.dir, 'bail'), '--bail'], { cwd: work.dir });
    assert.equal(run.code, 4);
    assert.doesNotMatch(run.stdout, /2\.http/);
    assert.match(run.stdout, /\n0 passed, 1 failed\n$/);
  });

  it('a malformed ?? line is a file problem (exit 2, file:line:col); a missing path is a usage error', async () => {
    const bad = write('bad.http', `GET ${server.url}/page\n?? status equals 200\n`);
    const run = await runCli(['test', bad]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /bad\.http:2:11: error: unknown \?\? predicate 'equals'/);
    const missing = await runCli(['test', join(work.dir, 'nope')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder/);
  });

  it('send prints each test under its response and exits 4 on a failed one; a script over its time limit fails, the run goes on', async () => {
    const file = write('send.http', `GET ${server.url}/page\n> {% while (true) {} %}\n###\nGET ${server.url}/page\n?? status == 200\n?? status == 404\n`);
    const run = await runCli(['send', file, '--script-timeout', '300']);
    assert.equal(run.code, 4, run.stderr);
    assert.match(run.stdout, /✘ response handler — .*send\.http:2:5: stopped after 300 ms/);
    assert.match(run.stdout, /Tests: 1 passed, 1 failed\n {2}✔ status == 200\n {2}✘ status == 404 — status: expected == 404, actual 200/);
  });

  it('a failing pre-request script keeps its request back (the server sees no hit), fails "pre-request script" at file:line:col, exits 4 and goes on', async () => {
    const file = write('pre.http', `### held back\n< {%\n  throw new Error("no signing key");\n%}\nGET ${server.url}/held-back\n\n### next\nGET ${server.url}/page-after\n`);
    const hits = (): string[] => server.requests.map((r) => r.url).filter((u) => u === '/held-back' || u === '/page-after');
    const before = hits().length;
    const run = await runCli(['test', file], { cwd: work.dir });
    assert.equal(run.code, 4, run.stderr);
    assert.deepEqual(hits().slice(before), ['/page-after']);
    assert.match(run.stdout, /✘ held back {2}not sent/);
    assert.match(run.stdout, /✔ next {2}200/);
    assert.match(run.stdout, /error: held back: pre-request script\n {1,2}--> pre\.http:3:\d+/);
    assert.match(run.stdout, /pre\.http:3:\d+: Error: no signing key/);
    assert.match(run.stdout, /\n1 passed, 1 failed\n$/);
    const send = await runCli(['send', file]);
    assert.equal(send.code, 4, send.stderr);
    assert.deepEqual(hits().slice(before), ['/page-after', '/page-after']);
    assert.match(send.stdout, /✘ pre-request script — .*pre\.http:3:\d+: Error: no signing key/);
  });

  it('test --help and the main help name the command and exit status 4', async () => {
    const help = await runCli(['test', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--report-junit FILE/);
    assert.match((await runCli(['--help'])).stdout, /4 a test, \?\? assertion or script failed/);
  });
});
