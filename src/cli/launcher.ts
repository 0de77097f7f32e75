// Entry of the `http-session` command (bundled alone to dist/cli.js): tunes V8 for a short-lived process and
// runs the CLI bundle beside it (dist/cli-main.js) from V8's code cache, so a run does not first spend ~50 ms
// compiling a megabyte of JavaScript. node:vm only compiles our own bundle here, in this context; request
// scripts never come near it (they run in QuickJS on WebAssembly, src/core/scripts).
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

/** A run this long (ms) checks whether its compiled code outgrew the cache (about 5 ms for a megabyte). */
const LONG_RUN_MS = 500;

/** The CLI bundle this launcher runs. */
const BUNDLE = join(__dirname, 'cli-main.js');

/**
 * V8's budget before it optimizes a function (its default is 67,584): eight times it. V8 tunes tiering for
 * pages that run for minutes; a CLI run lasts a second or two, and at the default it spent ~0.8 s of a
 * 1,000-request test run compiling lukewarm functions with TurboFan (measured: 1580 -> 1190 ms for that run,
 * no change for 1,000 plain requests or a 20 MB JSON body, whose hot loops are still optimized).
 */
const INTERRUPT_BUDGET = 8 * 67_584;

/**
 * WebAssembly (QuickJS in the sandbox worker, undici's HTTP parser) is compiled by V8's baseline compiler only,
 * each function when first called: V8 otherwise recompiles hot functions with TurboFan on background threads,
 * which cost ~0.25 s of CPU in a 1,000-script test run on two cores and won back less (measured: 910 -> 800 ms
 * wall, 1240 -> 960 ms CPU; a 1,000-request run without scripts used less CPU and no more time). Left alone
 * when Node was given a WebAssembly flag of its own.
 */
const WASM_FLAGS = ['--liftoff-only', '--wasm-lazy-compilation'];

tuneForShortRuns();
launch(BUNDLE);

/**
 * Tunes V8 for this process (and the sandbox worker it starts): WASM_FLAGS, and a raised optimization budget
 * unless Node was given one. The budget only on V8 11 (Node 20), where it was measured: later V8s tier up by
 * invocation counts through Maglev, have no such flag, and would print "unrecognized flag" on stderr.
 */
function tuneForShortRuns(): void {
  if (!process.execArgv.some((arg) => arg.includes('wasm') || arg.includes('liftoff'))) for (const flag of WASM_FLAGS) setFlagsFromString(flag);
  if (!process.versions.v8.startsWith('11.')) return;
  if (process.execArgv.some((arg) => arg.startsWith('--interrupt-budget'))) return;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

/**
 * Runs `file` as a CommonJS module compiled with the cached code of an earlier run when there is one for this
 * very file and Node. The cache is written as a run ends, when there was none, V8 refused it (another Node,
 * other flags) or a long run compiled a tenth more than it holds: by then it holds every function that run
 * compiled, not just the top level. Setting
 * HTTP_SESSION_NO_CODE_CACHE runs the bundle plainly; a cache that cannot be read or written changes nothing.
 */
function launch(file: string): void {
  if (process.env.HTTP_SESSION_NO_CODE_CACHE) {
    require(file);
    return;
  }
  const source = readFileSync(file, 'utf8');
  const cache = cacheFileFor(file);
  const cachedData = readOrUndefined(cache.path);
  const script = new Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const usable = cachedData !== undefined && script.cachedDataRejected !== true;
  process.once('exit', () => {
    // A long run may have compiled much that the cache (say, of a first `--version`) lacks; a short one did not.
    if (usable && performance.now() < LONG_RUN_MS) return;
    const data = script.createCachedData();
    if (!usable || data.length > cachedData.length * 1.1) writeCache(cache, data);
  });
  const module = new Module(file, undefined);
  module.filename = file;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run(module.exports, createRequire(file), module, file, dirname(file));
}

/** The cache file of `file` for this Node and architecture: a new build or another Node gets a file of its own. */
function cacheFileFor(file: string): { dir: string; path: string; prefix: string } {
  const stat = statSync(file);
  const dir = join(cacheRoot(), 'http-session');
  // Older builds' caches for this Node are dropped when a new one is written; another Node's stay.
  const prefix = `cli-${process.version}-${process.arch}-`;
  return { dir, prefix, path: join(dir, `${prefix}${stat.size}-${Math.round(stat.mtimeMs)}.v8cache`) };
}

/** The user's cache directory: XDG_CACHE_HOME, LOCALAPPDATA on Windows, ~/.cache, or the temp directory. */
function cacheRoot(): string {
  if (process.env.XDG_CACHE_HOME) return process.env.XDG_CACHE_HOME;
  if (process.platform === 'win32' && process.env.LOCALAPPDATA) return process.env.LOCALAPPDATA;
  const home = homedir();
  return home ? join(home, '.cache') : tmpdir();
}

function readOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Writes the cache through a temporary file (two runs ending together never leave half a file) and drops older builds' caches for this Node. */
function writeCache(cache: { dir: string; path: string; prefix: string }, data: Buffer): void {
  try {
    mkdirSync(cache.dir, { recursive: true, mode: 0o700 });
    const temporary = `${cache.path}.${process.pid}.tmp`;
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, cache.path);
    for (const name of readdirSync(cache.dir)) {
      const path = join(cache.dir, name);
      if (name.startsWith(cache.prefix) && path !== cache.path && !name.endsWith('.tmp')) unlinkSync(path);
    }
  } catch {
    // A read-only home or a full disk: the next run compiles the bundle again, as without a cache.
  }
}
