// `npm run test:vscode:electron`: the same integration suite in desktop VS Code downloaded by
// @vscode/test-electron (for machines that can reach update.code.visualstudio.com; not these).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO_ROOT } from './paths';
import { freshRunDir } from './runInCodeServer';

async function main(): Promise<void> {
  const extensionTestsPath = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) throw new Error(`${extensionTestsPath} is missing: run \`npm run build\` first`);
  const runDir = freshRunDir('electron');
  const workspace = path.join(runDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  await runTests({
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(runDir, 'user-data')],
    extensionTestsEnv: { HTTP_SESSION_TEST: '1' },
  });
}

main().catch((e: unknown) => {
  console.error(`[test:vscode:electron] failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
