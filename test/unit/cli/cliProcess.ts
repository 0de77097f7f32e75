import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';

/** The repository root. */
export const ROOT = join(__dirname, '..', '..', '..');
/**
 * The built CLI the tests spawn: the bundle of src/cli/main.ts, built to a path of its own so that a
 * concurrent `npm run build` (which writes dist/cli.js) cannot swap the file under a running test.
 */
export const CLI = join(ROOT, 'out', 'test', 'cli', 'cli.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the CLI bundle with esbuild's JS API (esbuild.mjs's node options) when it is missing or older than src/. */
export async function ensureCliBuilt(): Promise<void> {
  const sources = Math.max(newestMtime(join(ROOT, 'src', 'cli')), newestMtime(join(ROOT, 'src', 'core')), newestMtime(join(ROOT, 'src', 'demo')));
  const wasm = join(dirname(CLI), 'quickjs.wasm');
  if (existsSync(CLI) && existsSync(wasm) && existsSync(join(dirname(CLI), 'scriptWorker.js')) && statSync(CLI).mtimeMs >= sources) return;
  // esbuild.mjs's Node options (import.meta.url defined for QuickJS's loader, module fields first).
  const shared = join(ROOT, 'scripts', 'esbuildNode.mjs');
  const { nodeBundle } = (await import(shared)) as { nodeBundle: esbuild.BuildOptions };
  await esbuild.build({
    ...nodeBundle,
    entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')],
    outfile: CLI,
    bundle: true,
    minify: true,
    keepNames: true,
    sourcemap: true,
    logLevel: 'warning',
  });
  // The script sandbox's worker and engine, beside the bundle as in dist/.
  await esbuild.build({ ...nodeBundle, entryPoints: [join(ROOT, 'src', 'core', 'scripts', 'scriptWorker.ts')], outfile: join(dirname(CLI), 'scriptWorker.js'), bundle: true, minify: true, keepNames: true, logLevel: 'warning' });
  copyFileSync(require.resolve('@jitl/quickjs-wasmfile-release-sync/wasm'), wasm);
}

/** What a finished CLI process gave. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options for runCli. */
export interface RunCliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the process after this many ms (default 15000). */
  timeoutMs?: number;
  /** Called with stderr as it grows (a test that acts on what the CLI asks, e.g. opens its sign-in URL). */
  onStderr?: (stderrSoFar: string) => void;
}

/** Spawns `node dist/cli.js ...args` (NO_COLOR set) and collects its exit status and output. */
export function runCli(args: string[], options: RunCliOptions = {}): Promise<CliRun> {
  return runNode([CLI, ...args], options);
}

/** Spawns `node ...args` with NO_COLOR set, killing it after the timeout. */
export function runNode(args: string[], options: RunCliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
    delete env.FORCE_COLOR;
    const child = spawn(process.execPath, args, { cwd: options.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      options.onStderr?.(stderr);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** True when `text` looks like a JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+[(:]\d+/m.test(text);
}

/**
 * A temporary folder for the `.http` files of a CLI test file (`write` makes subfolders as needed), made once the CLI is built (mocha `before`) and
 * removed after the last test (`after`); call it in the `describe` body.
 */
export function cliWorkspace(prefix: string): { readonly dir: string; write(name: string, text: string): string } {
  let dir = '';
  before(async () => {
    await ensureCliBuilt();
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  return {
    get dir() {
      return dir;
    },
    write(name, text) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    },
  };
}
