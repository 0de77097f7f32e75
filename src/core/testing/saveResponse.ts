import { mkdir, realpath, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ResponseData } from '../http/types';
import type { SaveResponse } from '../parser/types';
import type { BodyFileScope } from '../variables/readBodyFile';

/**
 * `>> ./out.json` / `>>! ./out.json`: writes the response body to a path relative to the `.http` file. `>>`
 * never replaces a file: it picks `out-1.json`, `out-2.json`, …; `>>!` overwrites. In Restricted Mode only
 * inside the workspace. Resolves the path written; throws an Error with a plain message naming the line.
 */
export async function saveResponseBody(save: SaveResponse, response: ResponseData, scope: BodyFileScope): Promise<string> {
  const target = isAbsolute(save.path) ? save.path : resolve(dirname(scope.filePath), save.path);
  await mkdir(dirname(target), { recursive: true });
  if (scope.restricted) await insideWorkspace(target, save, scope);
  const body = Buffer.from(response.body);
  if (save.overwrite) {
    await writeFile(target, body);
    return target;
  }
  const ext = extname(target);
  const stem = join(dirname(target), basename(target, ext));
  for (let n = 0; n < 10_000; n++) {
    const candidate = n === 0 ? target : `${stem}-${n}${ext}`;
    try {
      await writeFile(candidate, body, { flag: 'wx' });
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`Response file '${save.path}' on line ${save.line + 1}: every numbered name is taken`);
}

async function insideWorkspace(target: string, save: SaveResponse, scope: BodyFileScope): Promise<void> {
  const root = await realpath(scope.workspaceRoot ?? dirname(scope.filePath));
  const rel = relative(root, join(await realpath(dirname(target)), basename(target)));
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new Error(`Response file '${save.path}' on line ${save.line + 1} is outside the workspace, which Restricted Mode does not allow`);
  }
}
