// `npm run test:vscode`: the integration suite (test/vscode, bundled to out/test/vscode) inside the
// extension host of a real VS Code (code-server + headless Chromium). Exit code = the suite's.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findChromium } from './launchChromium';
import { REPO_ROOT } from './paths';
import { freshRunDir, runInCodeServer } from './runInCodeServer';

const TIMEOUT_MS = Number(process.env.HTTP_SESSION_ITEST_TIMEOUT_MS ?? 600_000);

async function main(): Promise<number> {
  const testsPath = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'index.js');
  if (!fs.existsSync(testsPath)) throw new Error(`${testsPath} is missing: run \`npm run build\` first`);
  if (!findChromium() && process.env.CI !== 'true') {
    console.warn('\n*** test:vscode SKIPPED: no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH).\n' +
      '*** Under CI=true this is a failure. On a machine that can download VS Code use `npm run test:vscode:electron`.\n');
    return 0;
  }
  const runDir = freshRunDir('itest');
  const workspace = path.join(runDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  const started = Date.now();
  const code = await runInCodeServer({ testsPath, workspace, runDir, timeoutMs: TIMEOUT_MS });
  console.log(`[test:vscode] exit ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s (run folder ${runDir})`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`[test:vscode] FAILED to run the suite in VS Code: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(3);
  },
);
