import type { Diagnostic, HttpFile, RequestBlock } from '../parser/types';
import { builtinVariable } from './builtinVariables';
import { expressionKind } from './expressionKind';
import { requestPrompts } from './requestPrompts';
import type { VariableUse } from './variableUses';

/** Names defined outside the file: every environment's variables and the workspace's named requests. */
export interface KnownNames {
  /** Variable names of any environment (including `$shared`) beside the file. */
  environment: ReadonlySet<string>;
  /** `# @name` values of every `.http`/`.rest` file of the workspace. */
  namedRequests: ReadonlySet<string>;
  /** Globals: those the session holds and those a script of the workspace sets (`client.global.set`). */
  globals?: ReadonlySet<string>;
}

/**
 * Warnings for `{{…}}` uses that nothing defines: not a file variable, any environment's variable, a
 * global (of the session, or set by a script of the workspace), a built-in, a named request anywhere in the workspace, nor a `# @prompt` of the same request.
 * `uses` must be in line order (as variableUses returns them). Range = the expression inside the braces.
 */
export function unknownVariables(file: HttpFile, uses: readonly VariableUse[], known: KnownNames): Diagnostic[] {
  const fileVariables = new Set(file.variables.map((v) => v.name));
  const diagnostics: Diagnostic[] = [];
  let index = 0;
  let prompts: { block: RequestBlock; names: Set<string> } | undefined;
  for (const use of uses) {
    while (index < file.requests.length && blockEnd(file.requests[index]) < use.line) index++;
    const block = file.requests[index];
    const inBlock = block !== undefined && block.range.startLine <= use.line;
    if (inBlock && prompts?.block !== block) prompts = { block, names: new Set(requestPrompts(block)) };
    const isKnownName = (name: string): boolean =>
      fileVariables.has(name) || known.environment.has(name) || known.globals?.has(name) === true || (inBlock && prompts?.names.has(name) === true);
    const problem = problemOf(use.reference.expression, isKnownName, known);
    if (problem) {
      diagnostics.push({ line: use.line, column: use.reference.expressionStart, endColumn: use.reference.expressionEnd, message: problem, severity: 'warning' });
    }
  }
  return diagnostics;
}

function problemOf(expression: string, isKnownName: (name: string) => boolean, known: KnownNames): string | undefined {
  const kind = expressionKind(expression);
  if (kind.kind === 'builtin') {
    if (!builtinVariable(kind.name)) return `Unknown built-in variable '${kind.name}'`;
    const target = kind.args[0];
    if ((kind.name === '$processEnv' || kind.name === '$dotenv') && target?.startsWith('%') && !isKnownName(target.slice(1))) {
      return unknownMessage(target.slice(1));
    }
    return undefined;
  }
  if (kind.kind === 'named') {
    return known.namedRequests.has(kind.name) ? undefined : `Unknown request '${kind.name}': no request of the workspace has # @name ${kind.name}`;
  }
  return isKnownName(kind.name) ? undefined : unknownMessage(kind.name);
}

function unknownMessage(name: string): string {
  return `Unknown variable '${name}': not a file variable, environment variable, global, built-in, named request or prompt of this request`;
}

function blockEnd(block: RequestBlock): number {
  return block.blockEndLine ?? block.range.endLine;
}
