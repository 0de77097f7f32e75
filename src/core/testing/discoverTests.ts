import type { HttpFile, RequestBlock, ScriptRef } from '../parser/types';
import { requestLabel } from '../runner/requestLabel';
import type { ScriptSource } from '../scripts/types';

/** A test found by reading a file (before anything runs): a `??` line or a `client.test("name", …)` call. */
export interface DiscoveredTest {
  kind: 'assertion' | 'script-test';
  /** As the run names it: the `??` line's text, or the `client.test` name. */
  name: string;
  /** 0-based place of the `??` or of `client.test`; `endColumn` ends the range the editor marks. */
  line: number;
  column: number;
  endColumn: number;
  /** Absolute path of the `./handler.js` it is written in; absent when it is in the `.http` file itself. */
  file?: string;
}

/** The code of a request's `./file.js` scripts, read beforehand (readScriptFiles); keyed by the parsed ref. */
export type ScriptFileSources = ReadonlyMap<ScriptRef, ScriptSource>;

/** One request of a file with the tests written for it. */
export interface DiscoveredRequest {
  block: RequestBlock;
  /** Its `@name`, its `###` title, or method and URL as written. */
  label: string;
  tests: DiscoveredTest[];
}

/** `client.test(` with a plain string literal as its name (a computed name is only known when it runs). */
const CLIENT_TEST = /\bclient\s*\.\s*test\s*\(\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`([^`\\$]*)`)/g;

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/** The `client.test` calls of `code`, which starts at `line`/`column` of its file. */
export function clientTestsIn(code: string, line: number, column: number): DiscoveredTest[] {
  const found: DiscoveredTest[] = [];
  for (const match of code.matchAll(CLIENT_TEST)) {
    const before = code.slice(0, match.index);
    const newlines = before.split('\n').length - 1;
    const at = newlines === 0 ? column + before.length : before.length - before.lastIndexOf('\n') - 1;
    const name = unescape(match[1] ?? match[2] ?? match[3] ?? '');
    found.push({ kind: 'script-test', name, line: line + newlines, column: at, endColumn: at + match[0].length });
  }
  return found;
}

/**
 * The `client.test` calls of a script: an inline one at its line and column in the `.http` file, a
 * `./file.js` one (when `files` holds its code) at its place in that file, marked with the file's path.
 */
export function scriptTestsOf(ref: ScriptRef, files?: ScriptFileSources): DiscoveredTest[] {
  if (ref.kind === 'inline') return clientTestsIn(ref.code, ref.codeLine, ref.codeColumn);
  const source = files?.get(ref);
  if (source === undefined) return [];
  return clientTestsIn(source.code, source.start.line, source.start.column).map((t) => ({ ...t, file: source.start.file }));
}

/**
 * Every request of `file` with its `??` lines and the `client.test` names of its handlers, in file order:
 * inline ones, and those of `./file.js` handlers whose code `files` holds (listed at their `> ./file.js` line).
 */
export function discoverTests(file: HttpFile, files?: ScriptFileSources): DiscoveredRequest[] {
  return file.requests.map((block) => {
    const tests: { test: DiscoveredTest; line: number; column: number }[] = [];
    const add = (ref: ScriptRef): void => {
      // A .js file's tests sort by the line that names the file; their own lines are in another file.
      for (const test of scriptTestsOf(ref, files)) tests.push({ test, line: test.file ? ref.line : test.line, column: test.file ? ref.column : test.column });
    };
    for (const ref of block.preRequestScripts ?? []) add(ref);
    for (const a of block.assertions ?? []) {
      tests.push({ test: { kind: 'assertion', name: a.text, line: a.line, column: a.column, endColumn: a.column + 3 + a.text.length }, line: a.line, column: a.column });
    }
    for (const ref of block.responseHandlers ?? []) add(ref);
    tests.sort((x, y) => x.line - y.line || x.column - y.column);
    return { block, label: requestLabel(block), tests: tests.map((t) => t.test) };
  });
}
