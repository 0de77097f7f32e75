import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDemoServer, type DemoServer } from '../../../src/demo/demoServer';
import { startServer, type TestServer } from '../../support/startServer';
import { cliWorkspace, hasStackTrace, runCli } from './cliProcess';

describe('CLI exit status: 0 responses, 1 no response, 2 usage or file problems', function () {
  this.timeout(60_000);
  let demo: DemoServer;
  let recorder: TestServer;
  const work = cliWorkspace('cli-exit-');
  const write = work.write;

  before(async () => {
    demo = await startDemoServer();
    recorder = await startServer((_req, res) => { res.end('recorded'); });
  });
  after(async () => {
    await demo.close();
    await recorder.close();
  });

  it('exits 0 when every request got a response, a 404 and a 500 included', async () => {
    const file = write('statuses.http', `GET ${demo.url}/status/404\n\n###\nGET ${demo.url}/status/500\n`);
    const run = await runCli(['send', file]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /HTTP\/1\.1 404 Not Found/);
    assert.match(run.stdout, /HTTP\/1\.1 500 Internal Server Error/);
  });

  it('exits 1 with a one-line reason when the server is down, and stops there', async () => {
    const down = await startServer((_req, res) => { res.end(); });
    const deadUrl = down.url;
    await down.close();
    const file = write('down.http', `GET ${deadUrl}/first\n\n###\nGET ${recorder.url}/second\n`);
    const before = recorder.requests.length;
    const run = await runCli(['send', file]);
    assert.equal(run.code, 1);
    const errorLines = run.stderr.split('\n').filter((l) => l.startsWith('error:'));
    assert.equal(errorLines.length, 1, run.stderr);
    assert.match(errorLines[0], /refused|connect/i);
    assert.ok(!hasStackTrace(run.stderr + run.stdout));
    assert.equal(recorder.requests.length, before, 'the request after the failed one was sent');
  });

  it('exits 2 naming file:line and the variable when a variable is unknown, sending nothing', async () => {
    const file = write('unknown-var.http', `GET ${recorder.url}/ok\n\n###\nGET ${recorder.url}/{{nosuchvar}}\n`);
    const before = recorder.requests.length;
    const run = await runCli(['send', file]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, new RegExp(`${escape(file)}:4\\b.*nosuchvar`));
    assert.ok(!hasStackTrace(run.stderr));
    assert.equal(recorder.requests.length, before + 1, 'only the first request may be sent');
  });

  it('exits 2 listing file:line:col: message for a parse error, sending nothing', async () => {
    const file = write('bad.http', `GET ${recorder.url}/ok\nthis is not a header\n`);
    const before = recorder.requests.length;
    const run = await runCli(['send', file]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, new RegExp(`${escape(file)}:2:1: error: Header line needs`));
    assert.equal(recorder.requests.length, before);
  });

  it('sends the requests without an error, refuses each one with an error naming file:line, and exits 2 at the end', async () => {
    const file = write('one-bad.http', `GET ${recorder.url}/first\n\n###\nGET ${recorder.url}/broken\nthis is not a header\n\n###\nGET ${recorder.url}/third\n`);
    const before = recorder.requests.length;
    const run = await runCli(['send', file]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, new RegExp(`${escape(file)}:4: not sent: GET ${escape(recorder.url)}/broken has an error on line 5`));
    assert.deepEqual(recorder.requests.slice(before).map((r) => r.url), ['/first', '/third']);
  });

  it('exits 2 listing the known environments when --env names an unknown one', async () => {
    const envDir = mkdtempSync(join(work.dir, 'env-'));
    writeFileSync(join(envDir, 'http-client.env.json'), JSON.stringify({ dev: { baseUrl: demo.url }, prod: { baseUrl: 'x' } }));
    const file = join(envDir, 'a.http');
    writeFileSync(file, 'GET {{baseUrl}}/get\n');
    const run = await runCli(['send', file, '--env', 'staging']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Unknown environment 'staging'.*dev, prod/);
  });

  it('exits 2 naming the environment file when it is not valid JSON', async () => {
    const envDir = mkdtempSync(join(work.dir, 'badenv-'));
    writeFileSync(join(envDir, 'http-client.env.json'), '{ "dev": { "baseUrl": "x", } }');
    const file = join(envDir, 'a.http');
    writeFileSync(file, `GET ${demo.url}/get\n`);
    const run = await runCli(['send', file, '--env', 'dev']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /http-client\.env\.json.*not valid JSON/);
    assert.ok(!hasStackTrace(run.stderr));
  });

  it('exits 2 for a missing file, an unknown command and an unknown flag, showing usage', async () => {
    const missing = await runCli(['send', join(work.dir, 'nope.http')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.http: no such file/);
    const command = await runCli(['frobnicate']);
    assert.equal(command.code, 2);
    assert.match(command.stderr, /unknown command 'frobnicate'[\s\S]*Usage: http-session/);
    const flag = await runCli(['send', join(work.dir, 'statuses.http'), '--frob']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /--frob[\s\S]*Usage: http-session send/);
    const noFile = await runCli(['send']);
    assert.equal(noFile.code, 2);
    assert.match(noFile.stderr, /send needs a FILE/);
  });

  it('--help and --version exit 0', async () => {
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Commands:[\s\S]*send FILE/);
    const sendHelp = await runCli(['send', '--help']);
    assert.equal(sendHelp.code, 0);
    assert.match(sendHelp.stdout, /--session PATH/);
    const version = await runCli(['--version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+$/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
