import { expressionKind } from './expressionKind';
import { variableUses } from './variableUses';

/** A place a symbol is written: 0-based line and columns (end exclusive). */
export interface Occurrence {
  line: number;
  column: number;
  endColumn: number;
  /** True for the definition (`@name =` line or `# @name` directive). */
  definition: boolean;
}

const NAME_DIRECTIVE = /^(\s*(?:#+|\/\/+)\s*@name\s+)(\S+)/;
const FILE_VARIABLE = /^(\s*@)([^\s=]+)(\s*=)/;

/** Where file variable `name` is defined (`@name = …`) and used (`{{name}}`, `{{%name}}`, `{{$processEnv %name}}`) in `lines`. */
export function variableOccurrences(lines: readonly string[], name: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = lines[i].includes('@') ? FILE_VARIABLE.exec(lines[i]) : null;
    if (match && match[2] === name) found.push({ line: i, column: match[1].length, endColumn: match[1].length + name.length, definition: true });
  }
  for (const use of variableUses(lines)) {
    const { expression, expressionEnd } = use.reference;
    const kind = expressionKind(expression);
    const target = kind.kind === 'plain' ? kind.name : kind.kind === 'builtin' && kind.args[0]?.startsWith('%') ? kind.args[0].slice(1) : undefined;
    if (target !== name) continue;
    // The name ends every form: `name`, `%name`, `$processEnv %name`.
    const column = expressionEnd - name.length;
    found.push({ line: use.line, column, endColumn: column + name.length, definition: false });
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Where request `name` is named (`# @name name`) and referenced (`{{name.response…}}`) in `lines`. */
export function requestOccurrences(lines: readonly string[], name: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = lines[i].includes('@name') ? NAME_DIRECTIVE.exec(lines[i]) : null;
    if (match && match[2] === name) found.push({ line: i, column: match[1].length, endColumn: match[1].length + name.length, definition: true });
  }
  for (const use of variableUses(lines)) {
    const kind = expressionKind(use.reference.expression);
    if (kind.kind !== 'named' || kind.name !== name) continue;
    found.push({ line: use.line, column: use.reference.expressionStart, endColumn: use.reference.expressionStart + name.length, definition: false });
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}
