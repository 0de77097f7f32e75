import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { RequestTest } from '../core/testing/types';
import type { CliIo } from './cliIo';

/**
 * A failed test in Hurl's layout: the request and test, `--> file:line:col`, the source line with a caret
 * under the place, then expected and actual (or the failure text).
 *
 *   error: login: status == 201
 *     --> api.http:4:1
 *      |
 *    4 | ?? status == 201
 *      | ^^^^^^^^^^^^^^^^ status: expected == 201, actual 200
 *      |
 */
export function printFailure(label: string, test: RequestTest, io: CliIo, lines: SourceLines): void {
  const at = test.failureLocation ?? test.location;
  const shown = relative(process.cwd(), at.file) || at.file;
  const source = lines.get(at.file, at.line);
  const gutter = String(at.line + 1);
  const pad = ' '.repeat(gutter.length);
  io.out(io.style(['bold', 'red'], `error: ${label}: ${test.name}`));
  io.out(`${pad}${io.style('cyan', '-->')} ${shown}:${at.line + 1}:${at.column + 1}`);
  io.out(`${pad} ${io.style('cyan', '|')}`);
  if (source !== undefined) {
    const column = Math.min(at.column, source.length);
    const width = Math.max(1, source.trimEnd().length - column);
    io.out(`${io.style('cyan', `${gutter} |`)} ${source}`);
    io.out(`${pad} ${io.style('cyan', '|')} ${' '.repeat(column)}${io.style('red', `${'^'.repeat(width)} ${test.message ?? 'failed'}`)}`);
  } else {
    io.out(`${pad} ${io.style('cyan', '|')} ${io.style('red', test.message ?? 'failed')}`);
  }
  if (test.expected !== undefined) io.out(`${pad} ${io.style('cyan', '|')} expected: ${test.expected}`);
  if (test.actual !== undefined) io.out(`${pad} ${io.style('cyan', '|')} actual:   ${test.actual}`);
  io.out(`${pad} ${io.style('cyan', '|')}`);
  io.out('');
}

/** Lines of the files failures point into (`.http` and `.js` handler files), each read once. */
export class SourceLines {
  private readonly files = new Map<string, string[] | undefined>();

  get(file: string, line: number): string | undefined {
    if (!this.files.has(file)) {
      let lines: string[] | undefined;
      try {
        lines = readFileSync(file, 'utf8').split(/\r?\n/);
      } catch {
        lines = undefined;
      }
      this.files.set(file, lines);
    }
    return this.files.get(file)?.[line];
  }
}
