import * as vscode from 'vscode';
import type { LogChannel } from '../logChannel';
import { RESPONSE_VIEW_TYPE, ResponsePanel } from './responsePanel';

/**
 * Creates the response panel (it only shows what the request controller tells it; its Cancel button calls
 * `onCancel`) and closes a panel VS Code restores after a reload. Everything is disposed with the extension.
 */
export function registerResponseView(context: vscode.ExtensionContext, log: LogChannel, onCancel: () => void): ResponsePanel {
  const panel = new ResponsePanel(context.extensionUri, onCancel, log);
  context.subscriptions.push(panel, vscode.window.registerWebviewPanelSerializer(RESPONSE_VIEW_TYPE, {
    // Responses are not kept across a window reload (bodies can be large): close the restored panel rather
    // than leave an empty editor group beside the file.
    deserializeWebviewPanel: async (restored) => restored.dispose(),
  }));
  return panel;
}
