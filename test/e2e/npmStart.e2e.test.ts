import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { REPO_ROOT } from '../../scripts/vscode/paths';

/** A running `npm start` (its own process group) with the ports it printed and a tag in its children's env. */
interface NpmStart {
  child: ChildProcess;
  exited: Promise<void>;
  editorPort: number;
  demoPort: number;
  tag: string;
}

/** Starts `npm start` with code-server as the editor; resolves once both servers printed their URLs (≤ 120 s). */
function startNpmStart(): Promise<NpmStart> {
  const tag = `http-session-start-test-${randomUUID()}`;
  const child = spawn('npm', ['start'], {
    cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HTTP_SESSION_START_EDITOR: 'code-server', HTTP_SESSION_START_TEST_TAG: tag },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { killGroup(child); reject(new Error(`npm start printed no URLs in 120 s:\n${out}`)); }, 120_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const demo = /Demo server: http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      const editor = /VS Code \(code-server\) with HTTP Session: http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (demo && editor) {
        clearTimeout(timer);
        resolve({ child, exited, editorPort: Number(editor[1]), demoPort: Number(demo[1]), tag });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => { clearTimeout(timer); reject(new Error(`npm start exited before printing its URLs:\n${out}`)); });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  try { process.kill(-(child.pid ?? 0), signal); } catch { /* already gone */ }
}

/** Pids of live processes whose environment carries `tag` (npm, start.mjs, the demo server, code-server's tree). */
function taggedProcesses(tag: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/environ`, 'latin1').includes(tag)) pids.push(Number(entry));
    } catch { /* exited meanwhile, or not ours to read */ }
  }
  return pids;
}

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} after ${ms} ms`)), ms); });
  try { return await Promise.race([promise, timeout]); } finally { clearTimeout(timer); }
}

const CASES: { title: string; signal: NodeJS.Signals; to: 'group' | 'npm' }[] = [
  { title: 'SIGINT to its process group (Ctrl+C)', signal: 'SIGINT', to: 'group' },
  { title: 'SIGTERM to its process group (kill -- -PGID)', signal: 'SIGTERM', to: 'group' },
  { title: 'SIGHUP to its process group (the terminal closes)', signal: 'SIGHUP', to: 'group' },
  { title: 'SIGTERM to npm alone (kill PID)', signal: 'SIGTERM', to: 'npm' },
];

describe('npm start stops what it started', function () {
  this.timeout(200_000);
  before(function () { if (!fs.existsSync('/proc/self/environ')) this.skip(); });

  for (const { title, signal, to } of CASES) {
    it(`on ${title}: code-server and the demo server are gone and their ports released`, async () => {
      const started = await startNpmStart();
      try {
        assert.ok(await listening(started.editorPort), 'code-server listens before the signal');
        assert.ok(await listening(started.demoPort), 'the demo server listens before the signal');
        assert.ok(taggedProcesses(started.tag).length >= 3, 'npm, start.mjs, demo server and code-server run before the signal');

        if (to === 'group') killGroup(started.child, signal);
        else started.child.kill(signal);
        await within(started.exited, 20_000, `npm start still running ${signal}`);
        const deadline = Date.now() + 10_000;
        while (taggedProcesses(started.tag).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));

        assert.deepEqual(taggedProcesses(started.tag), [], 'no process it started is left');
        assert.equal(await listening(started.editorPort), false, 'code-server port released');
        assert.equal(await listening(started.demoPort), false, 'demo server port released');
      } finally {
        for (const pid of taggedProcesses(started.tag)) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
      }
    });
  }
});
