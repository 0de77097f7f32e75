import type { HttpFile, RequestBlock, ScriptRef } from '../parser/types';
import { requestLabel } from '../runner/requestLabel';

/** A test found by reading a file (before anything runs): a `??` line or a `client.test("name", …)` call. */
export interface DiscoveredTest {
  kind: 'assertion' | 'script-test';
  /** As the run names it: the `??` line's text, or the `client.test` name. */
  name: string;
  /** 0-based place of the `??` or of `client.test`; `endColumn` ends the range the editor marks. */
  line: number;
  column: number;
  endColumn: number;
}

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

/** The `client.test` calls of an inline script, each at its line and column in the `.http` file. */
export function scriptTestsOf(ref: ScriptRef): DiscoveredTest[] {
  if (ref.kind !== 'inline') return [];
  const found: DiscoveredTest[] = [];
  for (const match of ref.code.matchAll(CLIENT_TEST)) {
    const before = ref.code.slice(0, match.index);
    const newlines = before.split('\n').length - 1;
    const column = newlines === 0 ? ref.codeColumn + before.length : before.length - before.lastIndexOf('\n') - 1;
    const name = unescape(match[1] ?? match[2] ?? match[3] ?? '');
    found.push({ kind: 'script-test', name, line: ref.codeLine + newlines, column, endColumn: column + match[0].length });
  }
  return found;
}

/** Every request of `file` with its `??` lines and the `client.test` names of its inline handlers, in file order. */
export function discoverTests(file: HttpFile): DiscoveredRequest[] {
  return file.requests.map((block) => {
    const tests: DiscoveredTest[] = [];
    for (const ref of block.preRequestScripts ?? []) tests.push(...scriptTestsOf(ref));
    for (const a of block.assertions ?? []) {
      tests.push({ kind: 'assertion', name: a.text, line: a.line, column: a.column, endColumn: a.column + 3 + a.text.length });
    }
    for (const ref of block.responseHandlers ?? []) tests.push(...scriptTestsOf(ref));
    tests.sort((x, y) => x.line - y.line || x.column - y.column);
    return { block, label: requestLabel(block), tests };
  });
}
