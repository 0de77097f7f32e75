import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { ensureCodeServer } from './ensureCodeServer';
import { launchChromium } from './launchChromium';
import { REPO_ROOT, RUNS_DIR } from './paths';
import { startCodeServer } from './startCodeServer';

/** What to run: a test module (exports `run(): Promise<void>`) inside the extension host of a real VS Code. */
export interface InCodeServerRun {
  /** Absolute path of the bundled test entry (e.g. out/test/vscode/index.js). */
  testsPath: string;
  /** Folder opened as the workspace. */
  workspace: string;
  /** Folder for user data, extensions and logs of this run. */
  runDir: string;
  /** Whole-run limit in ms (server start, workbench, tests). */
  timeoutMs: number;
}

/** Console noise of an offline workbench that says nothing about our tests. */
const NOISE = [
  /ENOTFOUND open-vsx\.org/, /authentication provider 'github'/, /Failed to fetch/, /marketplace/i,
  /^Resolv(ing|ed) connection token/, /^Creating a socket/, /^\[reconnection-grace-time\]/, /^Updating additional builtin/,
  /^\[Service Worker\]/, /^\[AgentHost/, /^\[AccountPolicyGate\]/,
];

/**
 * Runs the integration suite in code-server: opens the workbench in headless Chromium with the VS Code
 * `payload` (extensionDevelopmentPath = this repo, extensionTestsPath = the suite), prints the extension
 * host's console, and resolves with the suite's exit code (0 = all passed). Rejects with a clear message
 * when the launcher cannot start or the run exceeds `timeoutMs`.
 */
export async function runInCodeServer(run: InCodeServerRun): Promise<number> {
  const install = await ensureCodeServer();
  const server = await startCodeServer(install, { runDir: run.runDir, smokeTestDriver: true, env: { HTTP_SESSION_TEST: '1' } });
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    const exit = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (!NOISE.some((re) => re.test(line))) (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
    });
    page.on('pageerror', (e) => process.stderr.write(`[workbench] ${e.message}\n`));
    const authority = `127.0.0.1:${server.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${REPO_ROOT}`],
      ['extensionTestsPath', `vscode-remote://${authority}${run.testsPath}`],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(run.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(
        `integration run timed out after ${run.timeoutMs / 1000} s (no codeAutomationExit); server log: ${path.join(run.runDir, 'code-server.log')}`,
      )), run.timeoutMs);
    });
    await Promise.race([page.goto(url), timeout]);
    return await Promise.race([exit, timeout]);
  } finally {
    if (timer) clearTimeout(timer);
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}

/** A fresh run folder under `.vscode-test/runs/`, named after `label` and the time. */
export function freshRunDir(label: string): string {
  const dir = path.join(RUNS_DIR, `${label}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
