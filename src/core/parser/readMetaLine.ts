import { addDiagnostic } from './addDiagnostic';
import { KNOWN_DIRECTIVES } from './knownDirectives';
import { parseCommentLine } from './parseCommentLine';
import { parseFileVariable } from './parseFileVariable';
import type { BlockSink } from './parseBlock';
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
    if (!KNOWN_DIRECTIVES.has(d.name)) {
      addDiagnostic(sink.diagnostics, sink.counts, {
        line: lineNo, column: d.column, endColumn: d.column + 1 + d.name.length,
        message: `Unknown directive @${d.name}`, severity: 'warning',
      });
    } else if (d.name === 'name' && !/^[A-Za-z_][\w-]*$/.test(d.value)) {
      addDiagnostic(sink.diagnostics, sink.counts, {
        line: lineNo, column: d.column, endColumn: line.length,
        message: "@name needs a name of letters, digits, '_' or '-', such as '# @name login'", severity: 'warning',
      });
    }
    return true;
  }
  if (line.charCodeAt(at) !== 64 /* @ */) return false;
  const variable = parseFileVariable(line, at);
  if (variable.ok) sink.variables.push({ name: variable.name, value: variable.value, line: lineNo });
  else addDiagnostic(sink.diagnostics, sink.counts, { line: lineNo, column: variable.column, endColumn: line.length, message: variable.message, severity: 'error' });
  return true;
}
