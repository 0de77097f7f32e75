import * as vscode from 'vscode';
import { readEditorSettings } from './config';
import { Disposable } from './disposable';
import type { DocumentCache } from './documentCache';

/** Command id the lens runs; also the id of the editor command. */
export const SEND_REQUEST_COMMAND = 'httpSession.sendRequest';

/** A "Send Request" CodeLens on the request line of every request of an `.http` document. */
export class CodeLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when `httpSession.codeLens.enabled` changes. */
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly documents: DocumentCache) {
    super();
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('httpSession.codeLens.enabled')) this.changed.fire();
    }));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!readEditorSettings(document.uri).codeLensEnabled) return [];
    return this.documents.get(document).requests.map((request) => {
      const line = document.lineAt(request.requestLine);
      return new vscode.CodeLens(line.range, {
        title: 'Send Request',
        tooltip: `Send ${request.method} ${request.url} through the session`,
        command: SEND_REQUEST_COMMAND,
        arguments: [document.uri, request.requestLine],
      });
    });
  }
}
