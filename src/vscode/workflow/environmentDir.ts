import { access } from 'node:fs/promises';
import * as path from 'node:path';
import { ENVIRONMENT_FILES } from '../../core/variables/environments';

/**
 * The directory whose `http-client(.private).env.json` applies to a file in `fileDir`: the nearest one
 * holding either file, from `fileDir` up to `root` (inclusive); `fileDir` itself when none does or when
 * `fileDir` is outside `root`.
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

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
