import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { startDemoServer } from '../../../src/demo/demoServer';
import { CLI, ensureCliBuilt, runCli } from './cliProcess';

describe('CLI demo-server', function () {
  this.timeout(60_000);
  before(ensureCliBuilt);

  it('prints "Demo server listening on http://127.0.0.1:PORT", serves, and exits 0 on Ctrl+C (SIGINT)', async () => {
    const child = spawn(process.execPath, [CLI, 'demo-server', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let seen = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          seen += chunk;
          const match = /^Demo server listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(seen);
          if (match) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      const res = await fetch(`${url}/get?x=1`);
      assert.deepEqual((await res.json() as { args: unknown }).args, { x: '1' });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      assert.equal(await exited, 0);
    } finally {
      clearTimeout(killer);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('a port in use is exit 1 with a one-line reason', async () => {
    const busy = await startDemoServer();
    try {
      const run = await runCli(['demo-server', '--port', String(busy.port)]);
      assert.equal(run.code, 1);
      assert.match(run.stderr, new RegExp(`^error: the demo server could not start: port ${busy.port} is already in use\\n$`));
    } finally {
      await busy.close();
    }
  });

  it('a bad --port is a usage error (exit 2)', async () => {
    const run = await runCli(['demo-server', '--port', 'abc']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--port needs a whole number/);
  });
});
