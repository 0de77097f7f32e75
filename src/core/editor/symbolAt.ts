import type { HttpFile } from '../parser/types';
import { expressionKind } from './expressionKind';
import { referenceAt } from './templateReferences';

/** A file variable or a named request, as found under the cursor. */
export interface EditorSymbol {
  kind: 'variable' | 'request';
  name: string;
}

const NAME_DIRECTIVE = /^(\s*(?:#+|\/\/+)\s*@name\s+)(\S+)/;
const FILE_VARIABLE = /^(\s*@)([^\s=]+)/;

/**
 * The symbol at `column` of `line` (0-based): a `{{name}}`/`{{%name}}` use or an `@name = …` definition
 * (variable), a `{{name.response…}}` use or a `# @name NAME` directive (request). Undefined elsewhere.
 */
export function symbolAt(file: HttpFile, text: string, line: number, column: number): EditorSymbol | undefined {
  const reference = referenceAt(text, column);
  if (reference) {
    const kind = expressionKind(reference.expression);
    if (kind.kind === 'named') return { kind: 'request', name: kind.name };
    if (kind.kind === 'plain') return { kind: 'variable', name: kind.name };
    const target = kind.args[0];
    return (kind.name === '$processEnv' || kind.name === '$dotenv') && target?.startsWith('%') ? { kind: 'variable', name: target.slice(1) } : undefined;
  }
  const named = NAME_DIRECTIVE.exec(text);
  if (named && column >= named[1].length && column <= named[1].length + named[2].length) return { kind: 'request', name: named[2] };
  const variable = FILE_VARIABLE.exec(text);
  if (variable && column <= variable[1].length + variable[2].length && file.variables.some((v) => v.line === line && v.name === variable[2])) {
    return { kind: 'variable', name: variable[2] };
  }
  return undefined;
}
