import { parseHttpFile } from '../parser/parseHttpFile';
import type { HttpFile } from '../parser/types';

/** A `client.global.set("name", …)` call found by reading a script (0-based line and column of `client`). */
export interface GlobalAssignment {
  name: string;
  line: number;
  column: number;
}

/** `client.global.set(` with a plain string literal as the name (a computed name is only known when it runs). */
const GLOBAL_SET = /\bclient\s*\.\s*global\s*\.\s*set\s*\(\s*(?:"([^"\\\n]+)"|'([^'\\\n]+)'|`([^`\\$\n]+)`)/g;

/** The assignments in `code`, placed as if `code` started at `line`:`column`. */
export function assignmentsIn(code: string, line = 0, column = 0): GlobalAssignment[] {
  const found: GlobalAssignment[] = [];
  for (const match of code.matchAll(GLOBAL_SET)) {
    const before = code.slice(0, match.index);
    const newlines = before.split('\n').length - 1;
    const at = newlines === 0 ? column + before.length : before.length - before.lastIndexOf('\n') - 1;
    found.push({ name: match[1] ?? match[2] ?? match[3], line: line + newlines, column: at });
  }
  return found;
}

/** The `client.global.set` calls of a parsed `.http` file's inline scripts (pre-request and handlers). */
export function httpFileAssignments(file: HttpFile): GlobalAssignment[] {
  const found: GlobalAssignment[] = [];
  for (const block of file.requests) {
    for (const ref of [...(block.preRequestScripts ?? []), ...(block.responseHandlers ?? [])]) {
      if (ref.kind === 'inline') found.push(...assignmentsIn(ref.code, ref.codeLine, ref.codeColumn));
    }
  }
  return found;
}

/** The `./handler.js` files a parsed `.http` file's scripts name, as written (relative to the file). */
export function scriptFilesOf(file: HttpFile): string[] {
  const paths = new Set<string>();
  for (const block of file.requests) {
    for (const ref of [...(block.preRequestScripts ?? []), ...(block.responseHandlers ?? [])]) if (ref.kind === 'file') paths.add(ref.path);
  }
  return [...paths];
}

/** The assignments of an `.http` file's text. */
export function httpTextAssignments(text: string): GlobalAssignment[] {
  return httpFileAssignments(parseHttpFile(text));
}
