import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from './usageError';
import { TEST_USAGE } from './usage';

const HTTP_FILE = /\.(http|rest)$/i;
/** Folders never searched: dependencies and version-control or tool state. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.vscode-test']);

/**
 * The `.http` / `.rest` files of `paths`: a file as given, a folder as every such file below it; each list
 * sorted by path (byte order, the same on every machine), duplicates dropped. A missing path is a UsageError.
 */
export async function collectHttpFiles(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new UsageError(`${path}: no such file or folder`, TEST_USAGE);
    }
    if (info.isDirectory()) found.push(...(await below(path)).sort(byteOrder));
    else found.push(path);
  }
  return [...new Set(found)];
}

async function below(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) out.push(...(await below(path)));
    else if (entry.isFile() && HTTP_FILE.test(entry.name)) out.push(path);
  }
  return out;
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
