import * as vscode from 'vscode';
import { symbolAt } from '../../core/editor/symbolAt';
import type { LanguageServices } from './languageServices';

/**
 * Go to definition: a `{{variable}}` goes to its `@variable =` line (the one that takes effect: the last), or
 * to its line in the active environment's file; `{{name.response…}}` goes to `# @name name` in whichever
 * `.http`/`.rest` file of the workspace names it; a global goes to the `client.global.set` lines that set it.
 */
export class DefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly services: LanguageServices) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[]> {
    const file = this.services.documents.get(document);
    const symbol = symbolAt(file, document.lineAt(position.line).text, position.line, position.character);
    if (!symbol) return [];
    if (symbol.kind === 'request') {
      await this.services.requests.ready;
      if (this.services.requests.definitions(symbol.name).length === 0) await this.services.requests.rescan();
      return this.services.requests.definitions(symbol.name).map((d) => new vscode.Location(d.uri, new vscode.Position(d.line, 0)));
    }
    const definition = [...file.variables].reverse().find((v) => v.name === symbol.name);
    if (definition) return [new vscode.Location(document.uri, new vscode.Position(definition.line, 0))];
    const { layers, name } = await this.services.environments.activeFor(document.uri);
    const source = layers.sourcesOf(name).get(symbol.name);
    if (source) return [new vscode.Location(vscode.Uri.file(source.file), new vscode.Position(source.line, 0))];
    const sets = (await this.services.globals.definitions()).get(symbol.name) ?? [];
    return sets.map((d) => new vscode.Location(d.uri, new vscode.Position(d.line, d.column)));
  }
}
