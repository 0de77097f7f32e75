import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { XDG_DIR } from './paths';

/** Where the browser binary is looked for: `$CHROMIUM_PATH`, then Debian's and common locations. */
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The first installed Chromium, or undefined. */
export function findChromium(): string | undefined {
  return CANDIDATES.find((p): p is string => !!p && fs.existsSync(p));
}

/** Launches headless Chromium (system binary, no download) with its profile dirs kept in the cache. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('no Chromium found (tried $CHROMIUM_PATH, /usr/bin/chromium, …); install it: apt-get install -y chromium');
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(XDG_DIR, 'config'),
      XDG_CACHE_HOME: path.join(XDG_DIR, 'cache'),
    },
  });
}
