import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { CodeServerInstall } from './ensureCodeServer';

/** Options of one code-server run. All folders are created fresh by the caller or here. */
export interface CodeServerOptions {
  /** Folder for this run's user data, extensions and logs (fresh per run). */
  runDir: string;
  /** Extra environment for the server and its extension host (e.g. switches for tests). */
  env?: NodeJS.ProcessEnv;
  /** Extension folders to link into the fresh extensions dir as `<publisher>.<name>-<version>`. */
  linkExtensions?: string[];
  /** Pass `--vscode-option enable-smoke-test-driver`, needed for the `payload` URL parameter. */
  smokeTestDriver?: boolean;
  /** Extra user settings (merged over the test defaults). */
  userSettings?: Record<string, unknown>;
  /** Forward server output to this function (default: dropped). */
  onOutput?: (text: string) => void;
  /** Aborting it stops the server, also while it is still starting (the start then rejects). */
  signal?: AbortSignal;
}

/** A running code-server: its base URL and a `stop()` that kills its whole process group. */
export interface RunningCodeServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  'git.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** Starts code-server on 127.0.0.1 at a free port with no auth and waits (up to 60 s) for `/healthz`. */
export async function startCodeServer(install: CodeServerInstall, options: CodeServerOptions): Promise<RunningCodeServer> {
  const { runDir } = options;
  const userData = path.join(runDir, 'user-data');
  const extensions = path.join(runDir, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...options.userSettings }, null, 2));
  fs.writeFileSync(path.join(runDir, 'config.yaml'), 'auth: none\ncert: false\n');
  for (const ext of options.linkExtensions ?? []) linkExtension(ext, extensions);

  const port = await freePort();
  const args = [
    install.codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', userData, '--extensions-dir', extensions, '--config', path.join(runDir, 'config.yaml'),
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const child = spawn(install.nodeBin, args, {
    env: { ...install.env, ...options.env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = fs.createWriteStream(path.join(runDir, 'code-server.log'));
  const forward = (chunk: Buffer): void => { log.write(chunk); options.onOutput?.(chunk.toString()); };
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);
  let exited = false;
  child.on('exit', () => { exited = true; });

  const stop = async (): Promise<void> => {
    if (!exited && child.pid) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const gone = await waitFor(() => exited, 5000);
      if (!gone) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    log.end();
  };
  if (options.signal?.aborted) void stop();
  options.signal?.addEventListener('abort', () => { void stop(); }, { once: true });
  const url = `http://127.0.0.1:${port}`;
  const healthy = await waitFor(async () => exited || (await isHealthy(url)), 60_000);
  if (exited || !healthy) {
    await stop();
    throw new Error(`code-server did not start on ${url} (${exited ? 'it exited' : 'no /healthz after 60 s'}); see ${path.join(runDir, 'code-server.log')}`);
  }
  return { url, port, stop };
}

/** Links an extension folder into an extensions dir under the id VS Code expects. */
function linkExtension(extensionPath: string, extensionsDir: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as
    { publisher: string; name: string; version: string };
  fs.symlinkSync(extensionPath, path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Polls `check` every 250 ms until it is true or `timeoutMs` passes; resolves whether it became true. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return check();
}
