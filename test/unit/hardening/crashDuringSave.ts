// Run as a child process: loads the session file named by argv[2], adds a cookie, and dies (SIGKILL) at the
// moment saveSessionFile would rename its temp file over the old one: a crash between write and rename.
import { loadSessionFile, saveSessionFile } from '../../../src/core/session/sessionFile';

async function main(): Promise<void> {
  const path = process.argv[2];
  const { store } = await loadSessionFile(path);
  await store.get('default').storeSetCookie('after=2; Path=/', 'http://127.0.0.1/');
  // The crash is injected into Node's fs, not into our code: the temp file is written and synced as usual.
  // The CommonJS module object itself, which sessionFile's compiled `import { rename }` reads at call time.
  const fsPromises = require('node:fs/promises') as { rename: unknown };
  fsPromises.rename = async (): Promise<void> => { process.kill(process.pid, 'SIGKILL'); };
  await saveSessionFile(path, store);
  process.stdout.write('saved without crashing\n');
}

void main();
