import * as vscode from 'vscode';
import { readEditorSettings } from './config';
import { Disposable } from './disposable';
import type { DocumentCache } from './documentCache';

/** Command id the lens runs; also the id of the editor command. */
export const SEND_REQUEST_COMMAND = 'httpSession.sendRequest';

/** A lens on a request line, before its command is known: what resolveCodeLens needs to fill it in. */
export class RequestCodeLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    /** The document the lens was made for. */
    readonly document: vscode.TextDocument,
    /** `document.version` when the lens was made; the lens is stale once the document has moved on. */
    readonly version: number,
    /** Index of the request in the parse of that version. */
    readonly index: number,
  ) {
    super(range);
  }
}

/** What a stale lens shows until VS Code asks for the lenses of the edited document (it does after every edit). */
const STALE: vscode.Command = { title: '', command: '' };

/**
 * A "Send Request" CodeLens on the request line of every request of an `.http` document. The lenses come
 * without commands and get them in resolveCodeLens, which VS Code calls only for the lenses on screen:
 * VS Code's own cost per lens that carries a command is what made 10,000 lenses slow, not our work.
 */
export class CodeLensProvider extends Disposable implements vscode.CodeLensProvider<RequestCodeLens> {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when `httpSession.codeLens.enabled` changes. */
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly documents: DocumentCache) {
    super();
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('httpSession.codeLens.enabled')) this.changed.fire();
    }));
  }

  /** One range-only lens per request of the document's current parse; none when the setting is off. */
  provideCodeLenses(document: vscode.TextDocument): RequestCodeLens[] {
    if (!readEditorSettings(document.uri).codeLensEnabled) return [];
    const version = document.version;
    return this.documents.get(document).requests.map((request, index) =>
      new RequestCodeLens(document.lineAt(request.requestLine).range, document, version, index));
  }

  /**
   * Fills in the "Send Request" command from the parse the lens was made from. A lens whose document has been
   * edited (or closed) since gets a blank title instead: its line may now hold another request, and VS Code
   * replaces it with a fresh lens once it has asked again.
   */
  resolveCodeLens(lens: RequestCodeLens): RequestCodeLens {
    const { document } = lens;
    const request = document.isClosed || document.version !== lens.version ? undefined : this.documents.get(document).requests[lens.index];
    lens.command = request
      ? {
        title: 'Send Request',
        tooltip: `Send ${request.method} ${request.url} through the session`,
        command: SEND_REQUEST_COMMAND,
        arguments: [document.uri, request.requestLine],
      }
      : STALE;
    return lens;
  }
}
