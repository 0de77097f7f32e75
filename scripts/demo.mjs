// `npm run demo`: starts the demo server on a free port, points the `demo` environment at it, runs every
// examples/*.http through the built CLI in one session file, shows the jar, runs `http-session test examples/`
// (its last line: "N passed, M failed"), then stops. Ends by itself.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// HTTP_SESSION_CLI lets the tests run the demo with the bundle they built themselves.
const cli = process.env.HTTP_SESSION_CLI ?? join(root, 'dist', 'cli.js');
// HTTP_SESSION_DEMO_DIR lets the tests run a copy of examples/ without touching the real folder.
const examples = process.env.HTTP_SESSION_DEMO_DIR ?? join(root, 'examples');
const privateEnvPath = join(examples, 'http-client.private.env.json');
const childEnv = { ...process.env, ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}) };

if (!existsSync(cli)) {
  console.error(`${cli} is missing: run \`node esbuild.mjs\` first (npm run demo does).`);
  process.exit(2);
}

const previousPrivateEnv = existsSync(privateEnvPath) ? readFileSync(privateEnvPath, 'utf8') : undefined;
const workDir = mkdtempSync(join(tmpdir(), 'http-session-demo-'));
const sessionPath = join(workDir, 'demo-session.json');
let server;

/** Starts `http-session demo-server --port 0` and resolves its URL from the line it prints (10 s at most). */
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'demo-server', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    server = child;
    let seen = '';
    const timer = setTimeout(() => reject(new Error('the demo server did not start within 10 s')), 10_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo server exited early (status ${code})`));
    });
  });
}

/**
 * Runs the built CLI with `args`, its output going straight to ours; resolves the exit status. The demo
 * plays the user for the OAuth2 sign-ins of examples/10-oauth2.http: it opens the sign-in URL or the device
 * page the CLI prints (the demo provider approves at once), so the run ends by itself.
 */
function runCli(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['inherit', 'inherit', 'pipe'], env: childEnv });
    const opened = new Set();
    let seen = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      seen += chunk;
      for (const match of seen.matchAll(/to sign in [^\n]*\n {2}(http\S+)|\n {2}or open (http\S+)/g)) {
        const url = match[1] ?? match[2];
        if (opened.has(url)) continue;
        opened.add(url);
        console.error(`demo: opening ${new URL(url).pathname} as your browser would`);
        void fetch(url).then((response) => response.text()).catch((error) => console.error(`demo: ${error.message}`));
      }
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function banner(text) {
  const line = '='.repeat(Math.max(20, Math.min(100, text.length + 8)));
  console.log(`\n${line}\n=== ${text}\n${line}\n`);
}

function writePrivateEnv(baseUrl) {
  let data = {};
  try { data = previousPrivateEnv ? JSON.parse(previousPrivateEnv) : {}; } catch { data = {}; }
  data.demo = { ...(data.demo ?? {}), baseUrl };
  writeFileSync(privateEnvPath, `${JSON.stringify(data, null, 2)}\n`);
}

async function cleanUp() {
  if (previousPrivateEnv === undefined) rmSync(privateEnvPath, { force: true });
  else writeFileSync(privateEnvPath, previousPrivateEnv);
  rmSync(workDir, { recursive: true, force: true });
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
}

async function main() {
  const baseUrl = await startServer();
  console.log(`Demo server listening on ${baseUrl}`);
  writePrivateEnv(baseUrl);
  const files = readdirSync(examples).filter((name) => name.endsWith('.http')).sort();
  for (const name of files) {
    const file = join(examples, name);
    banner(`http-session send ${examples === join(root, 'examples') ? relative(root, file) : file} --env demo --session ${sessionPath}`);
    const code = await runCli(['send', file, '--env', 'demo', '--session', sessionPath]);
    if (code !== 0) {
      console.error(`\n${name} failed with exit status ${code}; stopping the demo.`);
      return code;
    }
  }
  banner('http-session session show: what the session holds now');
  const shown = await runCli(['session', 'show', '--session', sessionPath]);
  if (shown !== 0) return shown;
  // Last: every example as a test run, ending with the closing line "N passed, M failed".
  const shownDir = examples === join(root, 'examples') ? 'examples/' : examples;
  banner(`http-session test ${shownDir} --env demo --session ${sessionPath}`);
  return runCli(['test', examples, '--env', 'demo', '--session', sessionPath]);
}

process.once('SIGINT', () => { void cleanUp().then(() => process.exit(130)); });

let status = 1;
try {
  status = await main();
} catch (error) {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanUp();
}
process.exit(status);
