// Composition root: builds the services and registers the editor adapters. Wiring only.
import * as vscode from 'vscode';
import type { SessionStore } from './core/session/sessionStore';
import { CodeLensProvider } from './vscode/codeLensProvider';
import { DocumentCache } from './vscode/documentCache';
import { FoldingRangeProvider } from './vscode/foldingRangeProvider';
import { registerLanguageFeatures } from './vscode/language/registerLanguageFeatures';
import { LogChannel } from './vscode/logChannel';
import { registerResponseView } from './vscode/response/registerResponseView';
import type { ResponseView } from './vscode/response/registerResponseView';
import { registerStatusBar } from './vscode/statusBar';
import { registerSessionTree } from './vscode/tree/registerSessionTree';
import type { SessionTreeProvider } from './vscode/tree/sessionTreeProvider';
import { SendRequestCommand } from './vscode/sendRequestCommand';
import { WorkspaceSessions } from './vscode/workspaceSessions';
import { registerTestController } from './vscode/testing/registerTestController';
import type { HttpTests } from './vscode/testing/registerTestController';
import { registerWorkflow } from './vscode/workflow/registerWorkflow';
import type { Workflow } from './vscode/workflow/registerWorkflow';

/** What `activate` returns: the extension's services, for tests and other extensions. */
export interface HttpSessionApi {
  /** The workspace's sessions (cookie jars, default headers, named responses). */
  readonly sessions: SessionStore;
  /** The sessions tree's data (tests read its children). */
  readonly sessionTree: SessionTreeProvider;
  /** The response view (tests run its toolbar actions and read its page). */
  readonly responseView: ResponseView;
  /** Environment picker and request history (tests read the history). */
  readonly workflow: Workflow;
  /** The Testing view's controller and run profiles (tests read its items and run them). */
  readonly tests: HttpTests;
  /** How long `activate` took, in ms (the in-editor benchmark reads it). */
  readonly activationMs: number;
}

let sessions: WorkspaceSessions | undefined;

/** Activates on the first `.http`/`.rest` file or command. */
export async function activate(context: vscode.ExtensionContext): Promise<HttpSessionApi> {
  const started = performance.now();
  const log = new LogChannel();
  const documents = new DocumentCache();
  // No await when there is no session file to read: an await lets the busy host's other work into the figure.
  const opened = WorkspaceSessions.open(context, log);
  sessions = opened instanceof WorkspaceSessions ? opened : await opened;
  const responseView = registerResponseView(context, log);
  const sessionTree = registerSessionTree(context, sessions.store);
  registerStatusBar(context, sessions.store, responseView.activity);
  const workflow = registerWorkflow(context, { documents, sessions: sessions.store, log, responseView });
  registerLanguageFeatures(context, { documents, sessions: sessions.store, activeEnvironment: (uri) => workflow.environment.nameFor(uri) });
  const tests = registerTestController(context, { documents, sessions: sessions.store, log, environmentOf: (d) => workflow.environment.valuesFor(d) });
  const codeLenses = new CodeLensProvider(documents);
  context.subscriptions.push(
    log,
    documents,
    sessions,
    codeLenses,
    vscode.languages.registerCodeLensProvider({ language: 'http' }, codeLenses),
    vscode.languages.registerFoldingRangeProvider({ language: 'http' }, new FoldingRangeProvider(documents)),
    new SendRequestCommand(documents, sessions.store, log, (info, send) => responseView.run(info, send), (d) => workflow.environment.valuesFor(d)),
    vscode.commands.registerCommand('httpSession.showLog', () => log.show()),
  );
  return { sessions: sessions.store, sessionTree, responseView, workflow, tests, activationMs: performance.now() - started };
}

/** Saves pending session changes before the extension host goes away. */
export async function deactivate(): Promise<void> {
  await sessions?.flush();
}
