import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ensureCodeServer } from '../../scripts/vscode/ensureCodeServer';
import { findChromium, launchChromium } from '../../scripts/vscode/launchChromium';
import { REPO_ROOT, SCREENSHOT_DIR } from '../../scripts/vscode/paths';
import { freshRunDir } from '../../scripts/vscode/runInCodeServer';
import { startCodeServer } from '../../scripts/vscode/startCodeServer';
import type { RunningCodeServer } from '../../scripts/vscode/startCodeServer';

/** A code-server with this repo linked as an installed extension, and a Chromium page on its workbench. */
/** Skips the suite when no Chromium is installed; under CI (CI=true) that is a failure instead, never a skip. */
export function skipWithoutChromium(suite: Mocha.Context): void {
  if (findChromium()) return;
  if (process.env.CI === 'true') throw new Error('no Chromium found: under CI the browser tests must run (apt-get install -y chromium)');
  console.warn('*** browser tests SKIPPED: no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)');
  suite.skip();
}

/**
 * Waits until `locator` matches exactly `expected` elements and returns the count it last saw.
 * VS Code drops every lens of an editor and fetches them again whenever any extension registers a
 * CodeLens provider, so a single count right after the lenses first appear can catch the gap.
 */
export async function settledCount(locator: Locator, expected: number, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let seen = await locator.count();
  while (seen !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    seen = await locator.count();
  }
  return seen;
}

export interface Workbench {
  page: Page;
  /** Absolute path of the opened workspace folder. */
  workspace: string;
  /** Saves `artifacts/screenshots/<name>.png` of the whole page and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts code-server on a fresh workspace holding `files` (name → text) and opens it in headless Chromium. */
export async function openWorkbench(files: Record<string, string>): Promise<Workbench> {
  const install = await ensureCodeServer();
  const runDir = freshRunDir('e2e');
  const workspace = path.join(runDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(workspace, name), text);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });

  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer(install, { runDir, linkExtensions: [REPO_ROOT] });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const opened = { server, browser };
    return {
      page,
      workspace,
      async screenshot(name) {
        const file = path.join(SCREENSHOT_DIR, `${name}.png`);
        await page.screenshot({ path: file });
        return file;
      },
      async close() {
        await opened.browser.close().catch(() => undefined);
        await opened.server.stop();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    throw error;
  }
}
