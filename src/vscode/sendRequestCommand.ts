import * as vscode from 'vscode';
import type { RunResult } from '../core/runner/types';
import { SEND_REQUEST_COMMAND } from './codeLensProvider';
import { Disposable } from './disposable';
import type { DocumentCache } from './documentCache';
import { fileRequestSource } from './request/fileRequestSource';
import type { FileSourceDeps } from './request/fileRequestSource';
import type { RequestController } from './request/requestController';

/** Command id of "Send All Requests": every request of the file, in order, through the session. */
export const SEND_ALL_COMMAND = 'httpSession.sendAll';

/**
 * `httpSession.sendRequest [uri] [line]`: sends the request under the cursor (or at `line` of `uri`, as the
 * CodeLens passes) through the request controller and resolves with the RunResult (undefined when nothing ran).
 * `httpSession.sendAll [uri]`: sends every request of the file in order, stopping at the first that got no
 * response (as the CLI does); resolves with the results so far. The whole run is one session batch: whoever
 * listens to the sessions (tree, save, diagnostics) updates once per Send All, not once per response.
 */
export class SendRequestCommand extends Disposable {
  constructor(private readonly sources: FileSourceDeps & { documents: DocumentCache }, private readonly requests: RequestController) {
    super();
    this._register(vscode.commands.registerCommand(SEND_REQUEST_COMMAND, (uri?: unknown, line?: unknown) => this.execute(uri, line)));
    this._register(vscode.commands.registerCommand(SEND_ALL_COMMAND, (uri?: unknown) => this.executeAll(uri)));
  }

  private async executeAll(uriArg: unknown): Promise<RunResult[]> {
    const document = uriArg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uriArg) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'http') {
      void vscode.window.showInformationMessage('Open an .http file to send all of its requests.');
      return [];
    }
    const results: RunResult[] = [];
    // One burst, one session change: the tree, the session save and the diagnostics hear of it once, at the end.
    await this.sources.sessions.batch(async () => {
      for (const block of this.sources.documents.get(document).requests) {
        const result = await this.requests.send(fileRequestSource(this.sources, document.uri, block.requestLine));
        if (result) results.push(result);
        if (!result?.exchange?.response) break;
      }
    });
    // Run from a key or menu, the return value crosses to the workbench as JSON after the last response:
    // a line per request there, not 300 exchanges to serialise while the view shows the last one.
    Object.defineProperty(results, 'toJSON', { value: () => results.map(summaryOf), enumerable: false });
    return results;
  }

  private async execute(uriArg: unknown, lineArg: unknown): Promise<RunResult | undefined> {
    const editor = vscode.window.activeTextEditor;
    const document = uriArg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uriArg) : editor?.document;
    if (!document || document.languageId !== 'http') {
      void vscode.window.showInformationMessage('Open an .http file and put the cursor in a request to send it.');
      return undefined;
    }
    const line = typeof lineArg === 'number' ? lineArg : editor?.document === document ? editor.selection.active.line : 0;
    return this.requests.send(fileRequestSource(this.sources, document.uri, line));
  }
}

/** A result as Send All's JSON form lists it. */
function summaryOf(result: RunResult): { line: number; status?: number; error?: string } {
  const status = result.exchange?.response?.status;
  const error = result.error?.code;
  return { line: result.request.requestLine, ...(status !== undefined ? { status } : {}), ...(error ? { error } : {}) };
}
