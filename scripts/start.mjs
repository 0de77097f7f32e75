// `npm start`: builds, starts the demo server, points examples/ at it, and opens VS Code on examples/
// with this extension loaded: desktop `code --extensionDevelopmentPath` when `code` is on the PATH,
// otherwise code-server on 127.0.0.1 (URL printed). Ctrl+C stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');
const stops = [];

function stopAll(code) {
  for (const stop of stops.reverse()) { try { stop(); } catch { /* already gone */ } }
  process.exit(code);
}
process.on('SIGINT', () => { console.log('\nStopping…'); stopAll(0); });
process.on('SIGTERM', () => stopAll(0));

/** Starts `node dist/cli.js demo-server --port 0` and resolves with the URL it prints. */
function startDemoServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), 'demo-server', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    stops.push(() => child.kill('SIGTERM'));
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
  const install = await ensureCodeServer();
  const server = await startCodeServer(install, {
    runDir: freshRunDir('start'),
    linkExtensions: [root],
    userSettings: { 'httpSession.environment': 'demo' },
  });
  stops.push(() => { void server.stop(); });
  console.log(`\nVS Code (code-server) with HTTP Session: ${server.url}/?folder=${encodeURIComponent(examples)}`);
  console.log('Open that URL in a browser. Ctrl+C stops the editor server and the demo server.');
}

async function main() {
  const build = spawnSync(process.execPath, [path.join(root, 'esbuild.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  const url = await startDemoServer();
  fs.writeFileSync(path.join(examples, 'http-client.private.env.json'), `${JSON.stringify({ demo: { baseUrl: url } }, null, 2)}\n`);
  console.log(`Demo server: ${url} (written to examples/http-client.private.env.json as environment "demo")`);
  if (onPath('code')) {
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
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  stopAll(1);
});
