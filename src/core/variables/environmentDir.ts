import { access } from 'node:fs/promises';
import * as path from 'node:path';
import { ENVIRONMENT_FILES } from './environments';

/**
 * The directory whose `http-client(.private).env.json` applies to a file in `fileDir`: the nearest one
 * holding either file, from `fileDir` up to `root` (inclusive); `fileDir` itself when none does, when there
 * is no `root` or when `fileDir` is outside `root`. The editor's root is the file's workspace folder, the
 * CLI's is environmentRootForCli's.
 */
export async function environmentDir(fileDir: string, root?: string): Promise<string> {
  if (!root || path.relative(root, fileDir).startsWith('..')) return fileDir;
  for (let dir = fileDir; ; dir = path.dirname(dir)) {
    for (const name of ENVIRONMENT_FILES) {
      if (await exists(path.join(dir, name))) return dir;
    }
    if (dir === root || path.dirname(dir) === dir) return fileDir;
  }
}

/**
 * The CLI's counterpart of the workspace folder for environment files: the root of the git repository
 * that holds `fileDir` (the nearest folder up with a `.git` folder or file), else the current directory `cwd`.
 */
export async function environmentRootForCli(fileDir: string, cwd: string): Promise<string> {
  for (let dir = path.resolve(fileDir); ; dir = path.dirname(dir)) {
    if (await exists(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return cwd;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
