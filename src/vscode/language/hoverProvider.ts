import * as vscode from 'vscode';
import { referenceAt } from '../../core/editor/templateReferences';
import { parseCommentLine } from '../../core/parser/parseCommentLine';
import { directiveSpec } from '../../core/parser/directiveTable';
import { firstNonSpace } from '../../core/parser/firstNonSpace';
import { describeVariable } from './describeVariable';
import type { LanguageServices } from './languageServices';
import { scriptApiHover } from './scriptApiFeatures';

/** Hover on `{{variable}}`: its value now and where it comes from (secrets masked); on script API members inside `{% %}`; on `# @directive`: what it does. */
export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly services: LanguageServices) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const inScript = scriptApiHover(document, position);
    if (inScript) return inScript;
    const text = document.lineAt(position.line).text;
    const reference = referenceAt(text, position.character);
    if (!reference) return directiveHover(text, position);
    const contents = await describeVariable(this.services, document, reference.expression, position.line);
    return new vscode.Hover(contents, new vscode.Range(position.line, reference.start, position.line, reference.end));
  }
}

function directiveHover(text: string, position: vscode.Position): vscode.Hover | undefined {
  const directive = parseCommentLine(text, firstNonSpace(text))?.directive;
  if (!directive) return undefined;
  const end = directive.column + 1 + directive.name.length;
  if (position.character < directive.column || position.character > end) return undefined;
  const spec = directiveSpec(directive.name);
  if (!spec) return undefined;
  const contents = new vscode.MarkdownString().appendCodeblock(`# @${spec.usage}`, 'http').appendText(spec.doc);
  return new vscode.Hover(contents, new vscode.Range(position.line, directive.column, position.line, end));
}
