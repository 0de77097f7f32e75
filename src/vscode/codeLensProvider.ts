import * as vscode from 'vscode';
import { readEditorSettings } from './config';
import { Disposable } from './disposable';
import type { RequestBlock } from '../core/parser/types';
import type { DocumentCache } from './documentCache';

/** Command id the lens runs; also the id of the editor command. */
export const SEND_REQUEST_COMMAND = 'httpSession.sendRequest';

/** A lens on a request line, before its command is known: resolveCodeLens finds the request by document and line. */
export class RequestCodeLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    /** The document the lens was made for (VS Code's live object: it reads as the document is now). */
    readonly document: vscode.TextDocument,
  ) {
    super(range);
  }
}

/** The request whose request line is `line` (requests are in file order: a binary search, no scan of 10,000). */
function requestOnLine(requests: readonly RequestBlock[], line: number): RequestBlock | undefined {
  let low = 0;
  let high = requests.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = requests[mid].requestLine;
    if (at === line) return requests[mid];
    if (at < line) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

/** What a lens shows when its line no longer holds a request line, until VS Code asks for fresh lenses. */
const STALE: vscode.Command = { title: '', command: '' };

/**
 * A "Send Request" CodeLens on the request line of every request of an `.http` document. The lenses come
 * without commands and get them in resolveCodeLens, which VS Code calls only for the lenses on screen:
 * VS Code's own cost per lens that carries a command is what made 10,000 lenses slow, not our work.
 */
export class CodeLensProvider extends Disposable implements vscode.CodeLensProvider<RequestCodeLens> {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when `httpSession.codeLens.enabled` changes, and when a lens turned out stale. */
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
    return this.documents.get(document).requests.map((request) => new RequestCodeLens(document.lineAt(request.requestLine).range, document));
  }

  /**
   * Fills in the "Send Request" command for the request whose request line is the lens's line in the document
   * as it is now, so the lens always sends the request it sits above. When that line holds no request line any
   * more (an edit moved it), the lens is blank and VS Code is asked for fresh lenses.
   */
  resolveCodeLens(lens: RequestCodeLens): RequestCodeLens {
    const { document } = lens;
    const line = lens.range.start.line;
    const request = document.isClosed ? undefined : requestOnLine(this.documents.get(document).requests, line);
    lens.command = request
      ? {
        title: 'Send Request',
        tooltip: `Send ${request.method} ${request.url} through the session`,
        command: SEND_REQUEST_COMMAND,
        arguments: [document.uri, request.requestLine],
      }
      : STALE;
    if (!request) this.changed.fire();
    return lens;
  }
}
