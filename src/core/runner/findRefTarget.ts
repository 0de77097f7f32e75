import { dirname, resolve } from 'node:path';
import type { Directive, HttpFile, RequestBlock } from '../parser/types';
import type { HttpFileCache } from './httpFileCache';

/** A request as `# @ref` finds it: the block, the parsed file it is in and that file's absolute path. */
export interface RefTarget {
  block: RequestBlock;
  file: HttpFile;
  filePath: string;
}

/** An `# @import` line of a request's scope, its path resolved against the file's folder. */
export interface ImportLine {
  directive: Directive;
  absolutePath: string;
}

/** The request `from` is in, for finding what its `# @ref` names. */
export interface RefScope {
  file: HttpFile;
  filePath: string;
  block?: RequestBlock;
}

/** What a search for a name found: the target, or the imports that could not be read (for the message). */
export type RefLookup = { target: RefTarget; unreadable?: undefined } | { target?: undefined; unreadable: { line: ImportLine; error: string }[] };

/** The `# @import` lines that apply to `scope.block`: the prologue's, then its own; paths relative to the file. */
export function importLines(scope: RefScope): ImportLine[] {
  const directives = [...scope.file.prologue, ...(scope.block?.directives ?? [])].filter((d) => d.name === 'import' && d.value !== '');
  return directives.map((directive) => ({ directive, absolutePath: resolve(dirname(scope.filePath), directive.value) }));
}

/**
 * The request named `name` for `scope`: the first of its own file so named, else the first of its imports
 * (in the order they are written; an import's own imports are not searched). Imports are read only when
 * the file itself has no such request, each once per `cache`.
 */
export async function findRefTarget(name: string, scope: RefScope, cache: HttpFileCache): Promise<RefLookup> {
  const own = scope.file.requests.find((r) => r.name === name);
  if (own) return { target: { block: own, file: scope.file, filePath: scope.filePath } };
  const unreadable: { line: ImportLine; error: string }[] = [];
  for (const line of importLines(scope)) {
    const loaded = await cache.load(line.absolutePath);
    if (loaded.error !== undefined) {
      unreadable.push({ line, error: loaded.error });
      continue;
    }
    const block = loaded.file.requests.find((r) => r.name === name);
    if (block) return { target: { block, file: loaded.file, filePath: line.absolutePath } };
  }
  return { unreadable };
}

/** The request names `# @ref` can use in `scope`: its own file's, then its imports' (those that can be read), each once. */
export async function namesInScope(scope: RefScope, cache: HttpFileCache): Promise<string[]> {
  const names = new Set<string>();
  const add = (file: HttpFile): void => { for (const r of file.requests) if (r.name !== undefined) names.add(r.name); };
  add(scope.file);
  for (const line of importLines(scope)) {
    const loaded = await cache.load(line.absolutePath);
    if (loaded.file) add(loaded.file);
  }
  return [...names];
}
