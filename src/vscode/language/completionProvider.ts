import * as vscode from 'vscode';
import { completionContext } from '../../core/editor/completionContext';
import { requestAtLine } from '../../core/parser/requestAtLine';
import { namesInScope } from '../../core/runner/findRefTarget';
import { editorHttpFileCache } from './editorHttpFiles';
import type { LanguageServices } from './languageServices';
import { scriptApiCompletions } from './scriptApiFeatures';
import { directiveCompletions, headerNameCompletions, headerValueCompletions, methodCompletions, requestNameCompletions } from './simpleCompletions';
import { variableCompletions } from './variableCompletions';

/** Characters that open a completion context: `{{`, `$` built-ins, `.` paths, `# @`, `Name:`. */
export const COMPLETION_TRIGGERS = ['{', '$', '.', '@', ':', ' '];

/** Completion for `.http` files: methods, headers and values, `{{` variables, `# @` directives, `# @ref` names, the script API inside `{% %}`. */
export class CompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly services: LanguageServices) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const inScript = scriptApiCompletions(document, position);
    if (inScript) return inScript;
    const file = this.services.documents.get(document);
    const context = completionContext(file, (line) => document.lineAt(line).text, position.line, position.character, document.lineCount);
    if (!context) return undefined;
    const range = new vscode.Range(position.line, context.start, position.line, position.character);
    switch (context.kind) {
      case 'variable': return variableCompletions(this.services, document, range);
      case 'directive': return directiveCompletions(range, context.inPrologue);
      case 'requestName': {
        const scope = { file, filePath: document.uri.fsPath, block: requestAtLine(file, position.line) };
        return requestNameCompletions(await namesInScope(scope, editorHttpFileCache()), range);
      }
      case 'method': return methodCompletions(range);
      case 'headerName': return headerNameCompletions(range);
      case 'headerValue': return headerValueCompletions(context.header, range);
    }
  }
}
