import * as vscode from 'vscode';
import { symbolAt } from '../../core/editor/symbolAt';
import { requestAtLine } from '../../core/parser/requestAtLine';
import type { HttpFile } from '../../core/parser/types';
import { findRefTarget, importLines } from '../../core/runner/findRefTarget';
import { editorHttpFileCache } from './editorHttpFiles';
import type { LanguageServices } from './languageServices';

/**
 * Go to definition: a `{{variable}}` goes to its `@variable =` line (the one that takes effect: the last), or
 * to its line in the active environment's file; `{{name.response…}}` goes to `# @name name` in whichever
 * `.http`/`.rest` file of the workspace names it; a global goes to the `client.global.set` lines that set it;
 * `# @ref NAME` goes to the request it sends first, `# @import PATH` to the file.
 */
export class DefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly services: LanguageServices) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[]> {
    const file = this.services.documents.get(document);
    const ref = document.uri.scheme === 'file' ? await refDefinition(file, document.uri.fsPath, position.line) : undefined;
    if (ref) return [ref];
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

/** On a `# @ref NAME` / `# @forceRef NAME` line: the request it names (this file or an import); on `# @import PATH`: that file. */
async function refDefinition(file: HttpFile, filePath: string, line: number): Promise<vscode.Location | undefined> {
  const block = requestAtLine(file, line);
  const directive = (block?.directives ?? file.prologue).find((d) => d.line === line);
  if (directive === undefined) return undefined;
  if (directive.name === 'import') {
    const target = importLines({ file, filePath, block }).find((i) => i.directive === directive);
    return target && new vscode.Location(vscode.Uri.file(target.absolutePath), new vscode.Position(0, 0));
  }
  if (directive.name !== 'ref' && directive.name !== 'forceRef') return undefined;
  const { target } = await findRefTarget(directive.value.trim(), { file, filePath, block }, editorHttpFileCache());
  return target && new vscode.Location(vscode.Uri.file(target.filePath), new vscode.Position(target.block.nameLine ?? target.block.requestLine, 0));
}
