import * as vscode from 'vscode';
import type { RunResult } from '../../core/runner/types';
import type { LogChannel } from '../logChannel';
import { compactResult } from './compactResult';
import { reportError } from './reportError';
import { sendConfirmation } from '../trust/trustPolicy';
import { RequestActivity } from './requestActivity';
import { RESPONSE_VIEW_TYPE, ResponsePanel } from './responsePanel';

/** What is about to be sent, for the "Sending…" state and the status bar. */
export interface SendInfo {
  label: string;
  method: string;
  url: string;
}

/** Runs one request; `signal` aborts it (Cancel command, status bar click, view button). */
export type SendFn = (signal: AbortSignal) => Promise<RunResult>;

/** The response view as the send commands use it. */
export interface ResponseView {
  readonly panel: ResponsePanel;
  readonly activity: RequestActivity;
  /**
   * Shows "Sending…", runs `send`, shows its result; remembers it for "Rerun Last Request". The result's JSON
   * form (what crosses to the workbench when a CodeLens runs the command) has body sizes, not bytes.
   */
  run(info: SendInfo, send: SendFn): Promise<RunResult | undefined>;
  /** Fires with every result shown (sent or failed), e.g. for the history. */
  readonly onDidFinish: vscode.Event<RunResult>;
}

/**
 * Creates the response panel controller and registers `httpSession.rerunLastRequest` and
 * `httpSession.cancelRequest`. Everything is disposed with the extension.
 */
export function registerResponseView(context: vscode.ExtensionContext, log: LogChannel): ResponseView {
  const activity = new RequestActivity();
  const panel = new ResponsePanel(context.extensionUri, () => activity.cancelAll(), log);
  let last: { info: SendInfo; send: SendFn } | undefined;
  const finished = new vscode.EventEmitter<RunResult>();
  context.subscriptions.push(vscode.window.registerWebviewPanelSerializer(RESPONSE_VIEW_TYPE, {
    // Responses are not kept across a window reload (bodies can be large): close the restored panel rather
    // than leave an empty editor group beside the file.
    deserializeWebviewPanel: async (restored) => restored.dispose(),
  }));

  const run = async (info: SendInfo, send: SendFn): Promise<RunResult | undefined> => {
    if (!(await confirmSend(info))) return undefined;
    last = { info, send };
    const running = activity.start(info.label);
    panel.showSending(info.label, info.method, info.url);
    try {
      const result = await send(running.controller.signal);
      panel.showResult(result);
      finished.fire(result);
      // Commands return this; see compactResult for why its JSON form leaves the body out.
      return compactResult(result);
    } catch (error) {
      void reportError(log, error);
      return undefined;
    } finally {
      running.end();
    }
  };

  context.subscriptions.push(
    activity,
    panel,
    finished,
    vscode.commands.registerCommand('httpSession.rerunLastRequest', async () => {
      if (!last) {
        void vscode.window.showInformationMessage('No request has been sent yet.');
        return undefined;
      }
      return run(last.info, last.send);
    }),
    vscode.commands.registerCommand('httpSession.cancelRequest', () => activity.cancelAll()),
  );
  return { panel, activity, run, onDidFinish: finished.event };
}

/** In Restricted Mode, asks (modal) before each send; true when the request may go out. */
async function confirmSend(info: SendInfo): Promise<boolean> {
  const asked = sendConfirmation(vscode.workspace.isTrusted, info.method, info.url);
  if (!asked) return true;
  const choice = await vscode.window.showWarningMessage(asked.message, { modal: true, detail: asked.detail }, asked.confirm);
  return choice === asked.confirm;
}
