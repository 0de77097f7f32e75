import * as path from 'node:path';
import * as vscode from 'vscode';
import { requestAtLine } from '../core/parser/requestAtLine';
import { isNoLog } from '../core/runner/isNoLog';
import { requestLabel } from '../core/runner/requestLabel';
import { runRequest } from '../core/runner/runRequest';
import type { RunResult } from '../core/runner/types';
import type { SessionStore } from '../core/session/sessionStore';
import { environmentDir } from '../core/variables/environmentDir';
import { loadEnvironments } from '../core/variables/environments';
import { SEND_REQUEST_COMMAND } from './codeLensProvider';
import { readEditorSettings } from './config';
import { Disposable } from './disposable';
import type { DocumentCache } from './documentCache';
import type { LogChannel } from './logChannel';
import type { SendFn, SendInfo } from './response/registerResponseView';
import { reportError } from './response/reportError';
import { editorRunContext } from './workflow/editorRunContext';

/** Shows "Sending…", runs `send` with a cancellable signal, shows the result (the response view's `run`). */
export type RunInView = (info: SendInfo, send: SendFn) => Promise<RunResult | undefined>;

/** Command id of "Send All Requests": every request of the file, in order, through the session. */
export const SEND_ALL_COMMAND = 'httpSession.sendAll';

/**
 * `httpSession.sendRequest [uri] [line]`: sends the request under the cursor (or at `line` of `uri`, as the
 * CodeLens passes) through the workspace session and resolves with the RunResult (undefined when nothing ran).
 * `httpSession.sendAll [uri]`: sends every request of the file in order, stopping at the first that got no
 * response (as the CLI does); resolves with the results so far.
 */
export class SendRequestCommand extends Disposable {
  constructor(
    private readonly documents: DocumentCache,
    private readonly sessions: SessionStore,
    private readonly log: LogChannel,
    private readonly runInView: RunInView,
    /** The active environment's values for a document (the environment picker); default: the setting, beside the file. */
    private readonly environmentOf?: (document: vscode.TextDocument) => Promise<Record<string, string>>,
  ) {
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
    for (const block of this.documents.get(document).requests) {
      const result = await this.execute(document.uri, block.requestLine);
      if (result) results.push(result);
      if (!result?.exchange?.response) break;
    }
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
    const file = this.documents.get(document);
    const block = requestAtLine(file, line);
    if (!block) {
      void vscode.window.showInformationMessage(`No request at line ${line + 1} of ${path.basename(document.fileName)}.`);
      return undefined;
    }
    const filePath = document.uri.fsPath;
    let environment: Record<string, string>;
    try {
      environment = await this.environmentFor(document);
    } catch (error) {
      this.reportError(error);
      return undefined;
    }
    const info: SendInfo = { label: requestLabel(block), method: block.method, url: block.url };
    const result = await this.runInView(info, (signal) => runRequest({
      ...editorRunContext(document.uri, this.sessions, environment, { signal, prompt: true, confirm: true }),
      filePath,
      file,
    }, block));
    if (result) {
      this.log.logResult(result);
      // A cancel is the user's own doing (Cancel, a declined # @note, an unanswered prompt): the view says so, no toast.
      if (result.error && !result.exchange?.response && result.error.code !== 'CANCELLED') {
        void reportError(this.log, result.error, 'error', !isNoLog(block));
      }
    }
    return result;
  }

  /** Values of the selected environment from the `http-client(.private).env.json` nearest the file (environmentDir). */
  private async environmentFor(document: vscode.TextDocument): Promise<Record<string, string>> {
    if (this.environmentOf) return this.environmentOf(document);
    const root = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath;
    const environments = await loadEnvironments(await environmentDir(path.dirname(document.uri.fsPath), root));
    for (const error of environments.errors) this.log.channel.warn(error.describe());
    const name = readEditorSettings(document.uri).environment;
    return environments.resolve(name || undefined);
  }

  private reportError(error: unknown): void {
    void reportError(this.log, error);
  }
}
