import { readFileSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { parse } from 'dotenv';

/** Parsed `.env` files by absolute path; `null` when the file does not exist or cannot be read. */
export type DotenvCache = Map<string, Record<string, string> | null>;

/** The `.env` files to search, nearest first: the `.http` file's directory, then its parents up to `workspaceRoot` (inclusive). */
export function dotenvCandidates(filePath: string, workspaceRoot?: string): string[] {
  let dir = dirname(filePath);
  const candidates = [join(dir, '.env')];
  if (!workspaceRoot) return candidates;
  while (isInside(dir, workspaceRoot)) {
    const parent = dirname(dir);
    if (parent === dir || !isInside(parent, workspaceRoot)) break;
    dir = parent;
    candidates.push(join(dir, '.env'));
  }
  return candidates;
}

/**
 * Looks `name` up in the nearest `.env` file that defines it (see dotenvCandidates), parsed with dotenv's
 * own parser; undefined when none does.
 */
export function dotenvLookup(name: string, candidates: string[], cache: DotenvCache): string | undefined {
  for (const path of candidates) {
    let values = cache.get(path);
    if (values === undefined) {
      values = readDotenv(path);
      cache.set(path, values);
    }
    if (values && Object.prototype.hasOwnProperty.call(values, name)) return values[name];
  }
  return undefined;
}

function readDotenv(path: string): Record<string, string> | null {
  try {
    return parse(readFileSync(path));
  } catch {
    return null;
  }
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
