import * as vscode from 'vscode';
import type { DocumentCache } from '../documentCache';

/** Quick fixes the parser offers with its diagnostics (`###` above a second request, a blank line before a body). */
export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly documents: DocumentCache) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const d of this.documents.get(document).diagnostics) {
      if (d.fix === undefined || d.line < range.start.line || d.line > range.end.line) continue;
      const action = new vscode.CodeAction(d.fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.insert(document.uri, new vscode.Position(d.fix.line, 0), d.fix.insert);
      action.diagnostics = context.diagnostics.filter((shown) => shown.range.start.line === d.line && shown.message === d.message);
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
