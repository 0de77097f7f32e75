import * as vscode from 'vscode';
import { symbolAt } from '../../core/editor/symbolAt';
import { requestOccurrences, variableOccurrences, type Occurrence } from '../../core/editor/symbolOccurrences';
import { splitLines } from '../../core/parser/splitLines';
import { documentLines } from './documentLines';
import type { LanguageServices } from './languageServices';

/**
 * Find references: of a file variable within its file; of a `# @name` request across every `.http`/`.rest`
 * file of the workspace (its `# @name` lines and every `{{name.request|response…}}`).
 */
export class ReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly services: LanguageServices) {}

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): Promise<vscode.Location[]> {
    const file = this.services.documents.get(document);
    const symbol = symbolAt(file, document.lineAt(position.line).text, position.line, position.character);
    if (!symbol) return [];
    const keep = (o: Occurrence): boolean => context.includeDeclaration || !o.definition;
    if (symbol.kind === 'variable') {
      return variableOccurrences(splitLines(document.getText()), symbol.name).filter(keep).map((o) => location(document.uri, o));
    }
    await this.services.requests.ready;
    const uris = this.services.requests.files();
    const perFile = await Promise.all(uris.map(async (uri) => {
      const lines = await documentLines(uri);
      return requestOccurrences(lines, symbol.name).filter(keep).map((o) => location(uri, o));
    }));
    return perFile.flat();
  }
}

function location(uri: vscode.Uri, o: Occurrence): vscode.Location {
  return new vscode.Location(uri, new vscode.Range(o.line, o.column, o.line, o.endColumn));
}
