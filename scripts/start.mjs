// `npm start`: builds, starts the demo server, points examples/ at it, and opens VS Code on examples/
// with this extension loaded: desktop `code --extensionDevelopmentPath` when `code` is on the PATH,
// otherwise code-server on 127.0.0.1 (URL printed). SIGINT (Ctrl+C), SIGTERM and SIGHUP alike stop
// everything it started, code-server's own process group included, before it exits.
// HTTP_SESSION_START_EDITOR=code-server uses code-server even when `code` is on the PATH.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');
/** Stops of what was started, newest last; each resolves once its process is gone. */
const stops = [];
const aborter = new AbortController();
let stopping;

// A closed terminal (SIGHUP) makes writes fail; that must not cut the shutdown short.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

function stopAll(code) {
  aborter.abort();
  stopping ??= (async () => {
    for (const stop of stops.reverse()) { try { await stop(); } catch { /* already gone */ } }
    process.exit(code);
  })();
  return stopping;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => { console.log(`\n${signal}: stopping the editor server and the demo server…`); void stopAll(0); });
}
// `kill <npm's pid>`: npm passes SIGTERM to its `sh -c`, which dies without passing it on, leaving us
// orphaned; a new parent means whoever started us is gone.
const parent = process.ppid;
setInterval(() => { if (process.ppid !== parent) void stopAll(0); }, 500).unref();

/** Sends SIGTERM to `child` and resolves when it has exited (SIGKILL after 5 s). */
function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => { clearTimeout(kill); resolve(); });
    child.kill('SIGTERM');
  });
}

/** Starts `node dist/cli.js demo-server --port 0` and resolves with the URL it prints. */
function startDemoServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), 'demo-server', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    stops.push(() => stopChild(child));
    let out = '';
    const timer = setTimeout(() => reject(new Error('the demo server printed no URL within 15 s')), 15_000);
    child.stdout.on('data', (chunk) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (match) { clearTimeout(timer); resolve(match[0]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the demo server exited (${code}) before printing its URL`)); });
  });
}

function onPath(command) {
  return spawnSync(process.platform === 'win32' ? 'where' : 'which', [command], { stdio: 'ignore' }).status === 0;
}

async function openInCodeServer() {
  const { require: tsxRequire } = await import('tsx/cjs/api');
  const { ensureCodeServer } = tsxRequire('./vscode/ensureCodeServer.ts', import.meta.url);
  const { startCodeServer } = tsxRequire('./vscode/startCodeServer.ts', import.meta.url);
  const { freshRunDir } = tsxRequire('./vscode/runInCodeServer.ts', import.meta.url);
  const installing = ensureCodeServer(console.log, aborter.signal);
  stops.push(() => installing.catch(() => {}));
  const install = await installing;
  const starting = startCodeServer(install, {
    runDir: freshRunDir('start'),
    linkExtensions: [root],
    userSettings: { 'httpSession.environment': 'demo' },
    signal: aborter.signal,
  });
  // A stop during the start waits for it: the aborted start stops the server and then rejects.
  stops.push(() => starting.then((server) => server.stop(), () => {}));
  const server = await starting;
  console.log(`\nVS Code (code-server) with HTTP Session: ${server.url}/?folder=${encodeURIComponent(examples)}`);
  console.log('Open that URL in a browser. Ctrl+C stops the editor server and the demo server.');
}

async function main() {
  const build = spawnSync(process.execPath, [path.join(root, 'esbuild.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  const url = await startDemoServer();
  fs.writeFileSync(path.join(examples, 'http-client.private.env.json'), `${JSON.stringify({ demo: { baseUrl: url } }, null, 2)}\n`);
  console.log(`Demo server: ${url} (written to examples/http-client.private.env.json as environment "demo")`);
  if (process.env.HTTP_SESSION_START_EDITOR !== 'code-server' && onPath('code')) {
    const settings = path.join(examples, '.vscode', 'settings.json');
    if (!fs.existsSync(settings)) {
      fs.mkdirSync(path.dirname(settings), { recursive: true });
      fs.writeFileSync(settings, `${JSON.stringify({ 'httpSession.environment': 'demo' }, null, 2)}\n`);
    }
    spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${root}`, examples], { stdio: 'inherit' });
    console.log('Opened desktop VS Code on examples/. The demo server keeps running; Ctrl+C stops it.');
  } else {
    await openInCodeServer();
  }
}

main().catch((error) => {
  if (!aborter.signal.aborted) console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  void stopAll(1);
});
