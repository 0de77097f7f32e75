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
    if (spec === undefined) {
      noteUnknownDirective(d.name, lineNo, d.column, sink);
      return true;
    }
    const problem = directiveValueProblem(spec, d.value);
    if (problem !== undefined) {
      addDiagnostic(sink.diagnostics, sink.counts, { line: lineNo, column: d.column, endColumn: line.length, message: problem, severity: 'warning' });
    }
    return true;
  }
  if (line.charCodeAt(at) !== 64 /* @ */) return false;
  const variable = parseFileVariable(line, at);
  if (variable.ok) sink.variables.push({ name: variable.name, value: variable.value, line: lineNo });
  else addDiagnostic(sink.diagnostics, sink.counts, { line: lineNo, column: variable.column, endColumn: line.length, message: variable.message, severity: 'error' });
  return true;
}

/** Directives of other tools are common in real files: one note for the file, at the first, naming them all. */
function noteUnknownDirective(name: string, lineNo: number, column: number, sink: BlockSink): void {
  let entry = sink.unknownDirectives;
  if (entry === undefined) {
    entry = { diagnostic: { line: lineNo, column, endColumn: column + 1 + name.length, message: '', severity: 'info' }, names: [] };
    sink.unknownDirectives = entry;
    addDiagnostic(sink.diagnostics, sink.counts, entry.diagnostic);
  }
  if (entry.names.length >= 20 || entry.names.includes(name)) return;
  entry.names.push(name);
  entry.diagnostic.message = `Directives HTTP Session does not know are ignored: ${entry.names.map((n) => `@${n}`).join(', ')}`;
}
