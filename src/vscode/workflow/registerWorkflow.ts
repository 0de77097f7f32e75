import type * as vscode from 'vscode';
import type { SessionStore } from '../../core/session/sessionStore';
import type { DocumentCache } from '../documentCache';
import type { LogChannel } from '../logChannel';
import type { RequestController } from '../request/requestController';
import { registerCopyAsCurl } from './copyAsCurlCommand';
import { EnvironmentPicker } from './environmentPicker';
import { registerHistoryCommands } from './historyCommands';
import { registerPasteCurl } from './pasteCurlCommand';
import type { RequestHistory } from './requestHistory';

/** The workflow services other parts use. */
export interface Workflow {
  /** The active environment; Send Request resolves `{{variables}}` with `environment.valuesFor`. */
  readonly environment: EnvironmentPicker;
  readonly history: RequestHistory;
}

/**
 * Registers the environment picker, Copy Request as cURL, Paste cURL as Request and the history commands
 * (the request controller records the history). Everything is disposed with the extension.
 */
export function registerWorkflow(
  context: vscode.ExtensionContext,
  deps: { documents: DocumentCache; sessions: SessionStore; log: LogChannel; requests: RequestController; history: RequestHistory },
): Workflow {
  const environment = new EnvironmentPicker(context.workspaceState, deps.log);
  const history = deps.history;
  const services = { documents: deps.documents, sessions: deps.sessions, environmentOf: (d: vscode.TextDocument) => environment.valuesFor(d), environmentAt: (uri: vscode.Uri) => environment.valuesAt(uri) };
  context.subscriptions.push(
    environment,
    registerCopyAsCurl(services, deps.log),
    registerPasteCurl(deps.documents),
    ...registerHistoryCommands(history, services, deps.requests),
  );
  return { environment, history };
}
