import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HistoryEntry } from '../../core/history/historyEntry';
import { resendStoredRequest } from '../../core/history/resendStoredRequest';
import { requestLabel } from '../../core/runner/requestLabel';
import type { RunResult } from '../../core/runner/types';
import { SEND_REQUEST_COMMAND } from '../codeLensProvider';
import type { RequestController } from '../request/requestController';
import type { SendSource } from '../request/sendSource';
import { editorRunContext } from './editorRunContext';
import type { RequestServices } from './requestContext';
import type { RequestHistory } from './requestHistory';

/** Command ids of the history. */
export const SHOW_HISTORY_COMMAND = 'httpSession.showHistory';
export const CLEAR_HISTORY_COMMAND = 'httpSession.clearHistory';

/**
 * `httpSession.showHistory [index]`: a QuickPick of the last requests (or entry `index`, 0 = newest, without
 * asking); the chosen one is sent again from its file and line when that request is still there, else from
 * the stored request. `httpSession.clearHistory` forgets them all.
 */
export function registerHistoryCommands(history: RequestHistory, services: RequestServices, requests: RequestController): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(SHOW_HISTORY_COMMAND, async (index?: unknown): Promise<RunResult | undefined> => {
      const entries = history.entries;
      const entry = typeof index === 'number' ? entries[index] : await pickEntry(entries);
      return entry ? resend(entry, services, requests) : undefined;
    }),
    vscode.commands.registerCommand(CLEAR_HISTORY_COMMAND, () => history.clear()),
  ];
}

async function pickEntry(entries: HistoryEntry[]): Promise<HistoryEntry | undefined> {
  if (!entries.length) {
    void vscode.window.showInformationMessage('No request has been sent in this workspace yet.');
    return undefined;
  }
  const items = entries.map((entry) => ({
    label: `${entry.method} ${entry.url}`,
    description: `${entry.status ?? entry.errorCode ?? ''} · ${entry.durationMs} ms · ${new Date(entry.time).toLocaleString()}`,
    detail: `${entry.label ? `${entry.label} · ` : ''}${vscode.workspace.asRelativePath(entry.file)}:${entry.line + 1}`,
    entry,
  }));
  const chosen = await vscode.window.showQuickPick(items, { title: 'HTTP Session: History', placeHolder: 'Pick a request to send again', matchOnDetail: true });
  return chosen?.entry;
}

async function resend(entry: HistoryEntry, services: RequestServices, requests: RequestController): Promise<RunResult | undefined> {
  const uri = vscode.Uri.file(entry.file);
  if (fs.existsSync(entry.file)) {
    const document = await vscode.workspace.openTextDocument(uri);
    const block = services.documents.get(document).requests.find((r) => r.requestLine === entry.line);
    if (block) {
      return vscode.commands.executeCommand<RunResult | undefined>(SEND_REQUEST_COMMAND, uri, entry.line);
    }
  }
  if (!entry.request || entry.request.bodyOmitted) {
    void vscode.window.showWarningMessage(`${path.basename(entry.file)} no longer holds this request and its body was not kept, so it cannot be sent again.`);
    return undefined;
  }
  return requests.send(storedRequestSource(services, entry, uri));
}

/** The entry's stored request, sent as stored, not re-parsed: stored text is never read as `{{…}}` or `< path` (see resendStoredRequest). */
function storedRequestSource(services: RequestServices, entry: HistoryEntry, uri: vscode.Uri): SendSource {
  return {
    prepare: async () => ({
      info: { label: requestLabel({ name: entry.label, method: entry.method, url: entry.url }), method: entry.method, url: entry.url },
      send: async ({ signal }) => {
        // The environment only feeds `{{$auth.token(…)}}` of the entry's OAuth2 headers; a broken env file is then no environment.
        const environment = entry.request?.authHeaders?.length ? await services.environmentAt?.(uri).catch(() => ({})) : undefined;
        return resendStoredRequest(editorRunContext(uri, services.sessions, environment ?? {}, { signal }), entry);
      },
    }),
  };
}
