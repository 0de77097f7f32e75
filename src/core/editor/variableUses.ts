import { firstNonSpace } from '../parser/firstNonSpace';
import { templateReferences, type TemplateReference } from './templateReferences';

/** One `{{…}}` use in a file, with its 0-based line. */
export interface VariableUse {
  line: number;
  reference: TemplateReference;
}

const DIRECTIVE_COMMENT = /^(?:#+|\/\/+)\s*@[A-Za-z]/;

/**
 * Every `{{…}}` use the resolver would expand: request lines, headers, bodies, file variable values and
 * directive values. Plain comments and `###` separator lines are skipped (nothing expands them).
 * Linear in the text's size; lines without `{{` cost one indexOf.
 */
export function variableUses(lines: readonly string[]): VariableUse[] {
  const uses: VariableUse[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    if (!text.includes('{{')) continue;
    const at = firstNonSpace(text);
    const c = text.charCodeAt(at);
    if ((c === 35 /* # */ || (c === 47 /* / */ && text.charCodeAt(at + 1) === 47)) && !DIRECTIVE_COMMENT.test(text.slice(at))) continue;
    for (const reference of templateReferences(text)) uses.push({ line: i, reference });
  }
  return uses;
}
