import * as vscode from 'vscode';
import type { SessionStore } from '../../core/session/sessionStore';
import type { DocumentCache } from '../documentCache';
import type { LogChannel } from '../logChannel';
import type { ResponseView } from '../response/registerResponseView';
import { registerCopyAsCurl } from './copyAsCurlCommand';
import { EnvironmentPicker } from './environmentPicker';
import { registerHistoryCommands } from './historyCommands';
import { registerPasteCurl } from './pasteCurlCommand';
import { RequestHistory } from './requestHistory';

/** The workflow services other parts use. */
export interface Workflow {
  /** The active environment; Send Request resolves `{{variables}}` with `environment.valuesFor`. */
  readonly environment: EnvironmentPicker;
  readonly history: RequestHistory;
}

/**
 * Registers the environment picker, Copy Request as cURL, Paste cURL as Request and the history (fed by the
 * response view's results). Everything is disposed with the extension.
 */
export function registerWorkflow(
  context: vscode.ExtensionContext,
  deps: { documents: DocumentCache; sessions: SessionStore; log: LogChannel; responseView: ResponseView },
): Workflow {
  const environment = new EnvironmentPicker(context.workspaceState, deps.log);
  const history = new RequestHistory(context.workspaceState);
  const services = { documents: deps.documents, sessions: deps.sessions, environmentOf: (d: vscode.TextDocument) => environment.valuesFor(d) };
  context.subscriptions.push(
    environment,
    deps.responseView.onDidFinish((result) => { void history.record(result); }),
    registerCopyAsCurl(services, deps.log),
    registerPasteCurl(deps.documents),
    ...registerHistoryCommands(history, services, (info, send) => deps.responseView.run(info, send)),
  );
  return { environment, history };
}
