import { addDiagnostic } from './addDiagnostic';
import { parseCommentLine } from './parseCommentLine';
import { parseFileVariable } from './parseFileVariable';
import type { BlockSink } from './blockSink';
import { directiveSpec, directiveValueProblem } from './directiveTable';
import type { Directive } from './types';

/**
 * Handles a comment, directive or `@name = value` line outside a body (first non-space character at `at`).
 * Directives go to `directives`, variables and diagnostics to `sink`. Returns false for any other line.
 */
export function readMetaLine(line: string, at: number, lineNo: number, directives: Directive[], sink: BlockSink): boolean {
  const comment = parseCommentLine(line, at);
  if (comment !== undefined) {
    const d = comment.directive;
    if (d === undefined) return true;
    directives.push({ name: d.name, value: d.value, line: lineNo });
    const spec = directiveSpec(d.name);
    const problem = spec === undefined ? `Unknown directive @${d.name}` : directiveValueProblem(spec, d.value);
    if (problem !== undefined) {
      const endColumn = spec === undefined ? d.column + 1 + d.name.length : line.length;
      addDiagnostic(sink.diagnostics, sink.counts, { line: lineNo, column: d.column, endColumn, message: problem, severity: 'warning' });
    }
    return true;
  }
  if (line.charCodeAt(at) !== 64 /* @ */) return false;
  const variable = parseFileVariable(line, at);
  if (variable.ok) sink.variables.push({ name: variable.name, value: variable.value, line: lineNo });
  else addDiagnostic(sink.diagnostics, sink.counts, { line: lineNo, column: variable.column, endColumn: line.length, message: variable.message, severity: 'error' });
  return true;
}
