import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type TestServer } from '../../support/startServer';
import { CLI, ensureCliBuilt, runCli } from './cliProcess';

/** Runs the CLI on a real pseudo-terminal (util-linux `script`), answering `answer` once it asks. */
function runOnTerminal(args: string[], answer: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let answered = false;
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (!answered && output.includes('[y/N]')) {
        answered = true;
        child.stdin.write(`${answer}\r`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('error', reject);
    child.once('close', (code) => { clearTimeout(timer); resolve({ code, output }); });
  });
}

describe('CLI: # @note requests are confirmed (--yes, or a question on a terminal)', function () {
  this.timeout(60_000);
  let server: TestServer;
  let dir: string;
  let file: string;

  before(async () => {
    await ensureCliBuilt();
    server = await startServer((_req, res) => { res.end('deleted'); });
    dir = mkdtempSync(join(tmpdir(), 'cli-note-'));
    file = join(dir, 'danger.http');
    writeFileSync(file, `### Wipe everything\n# @note This deletes every customer\nDELETE ${server.url}/customers\n`);
  });
  beforeEach(() => { server.requests.length = 0; });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('without a terminal and without --yes: exit 2 naming file and line, a hint, nothing sent', async () => {
    const run = await runCli(['send', file]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /danger\.http:2: DELETE .*carries # @note/);
    assert.match(run.stderr, /--yes/);
    assert.equal(server.requests.length, 0);
  });

  it('--yes sends it without asking', async () => {
    const run = await runCli(['send', '--yes', file]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0].method, 'DELETE');
  });

  it('on a terminal it shows the note and sends after "y"', async () => {
    const run = await runOnTerminal(['send', file], 'y');
    assert.match(run.output, /This deletes every customer/);
    assert.equal(run.code, 0, run.output);
    assert.equal(server.requests.length, 1);
  });

  it('on a terminal the question shows escape sequences from the file as text, never sends them to the terminal', async () => {
    const tricky = join(dir, 'tricky.http');
    writeFileSync(tricky, `# @note Careful\x1b]0;pwned\x07 now\nDELETE ${server.url}/customers\n`);
    const run = await runOnTerminal(['send', tricky], 'n');
    assert.match(run.output, /Careful\\x1b\]0;pwned\\x07 now/);
    assert.ok(!run.output.includes('\x1b]0;pwned'), 'the raw OSC sequence reached the terminal');
    assert.equal(server.requests.length, 0);
  });

  it('on a terminal anything but "y" sends nothing (exit 1, not confirmed)', async () => {
    const run = await runOnTerminal(['send', file], 'n');
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /not confirmed; nothing was sent/);
    assert.equal(server.requests.length, 0);
  });
});
