import * as vscode from 'vscode';
import { referenceAt } from '../../core/editor/templateReferences';
import { describeVariable } from './describeVariable';
import type { LanguageServices } from './languageServices';
import { scriptApiHover } from './scriptApiFeatures';

/** Hover on `{{variable}}`: its value now and where it comes from (secrets masked); on script API members inside `{% %}`. */
export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly services: LanguageServices) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const inScript = scriptApiHover(document, position);
    if (inScript) return inScript;
    const reference = referenceAt(document.lineAt(position.line).text, position.character);
    if (!reference) return undefined;
    const contents = await describeVariable(this.services, document, reference.expression, position.line);
    return new vscode.Hover(contents, new vscode.Range(position.line, reference.start, position.line, reference.end));
  }
}
