// Composition root: builds the services and registers the editor adapters. Wiring only.
import * as vscode from 'vscode';
import type { RunResult } from './core/runner/types';
import type { SessionStore } from './core/session/sessionStore';
import { CodeLensProvider } from './vscode/codeLensProvider';
import { DocumentCache } from './vscode/documentCache';
import { FoldingRangeProvider } from './vscode/foldingRangeProvider';
import { registerLanguageFeatures } from './vscode/language/registerLanguageFeatures';
import { LogChannel } from './vscode/logChannel';
import { fileRequestSource } from './vscode/request/fileRequestSource';
import { RequestController } from './vscode/request/requestController';
import type { SendSource } from './vscode/request/sendSource';
import { registerResponseView } from './vscode/response/registerResponseView';
import type { ResponsePanel } from './vscode/response/responsePanel';
import { registerStatusBar } from './vscode/statusBar';
import { registerSessionTree } from './vscode/tree/registerSessionTree';
import type { SessionTreeProvider } from './vscode/tree/sessionTreeProvider';
import { SendRequestCommand } from './vscode/sendRequestCommand';
import { WorkspaceSessions } from './vscode/workspaceSessions';
import { registerTestController } from './vscode/testing/registerTestController';
import type { HttpTests } from './vscode/testing/registerTestController';
import { registerWorkflow } from './vscode/workflow/registerWorkflow';
import type { Workflow } from './vscode/workflow/registerWorkflow';
import { onDidShowOAuthPrompt, type OAuthPromptShown } from './vscode/workflow/oauthEditorPrompts';
import { RequestHistory } from './vscode/workflow/requestHistory';
import { useCertificatePassphraseStorage } from './vscode/tls/certificatePassphrases';

/** What `activate` returns: the extension's services, for tests and other extensions. */
export interface HttpSessionApi {
  /** The workspace's sessions (cookie jars, default headers, named responses). */
  readonly sessions: SessionStore;
  /** The sessions tree's data (tests read its children). */
  readonly sessionTree: SessionTreeProvider;
  /** The response view (tests run its toolbar actions and read its page). */
  readonly responseView: { readonly panel: ResponsePanel; readonly onDidFinish: vscode.Event<RunResult> };
  /**
   * The one owner of a send: `requests.send(requestAt(uri, line), { quiet: true })` runs a request without
   * showing it in the response view (a test run) and resolves with its result.
   */
  readonly requests: RequestController;
  /** The request at `line` (0-based) of `uri` as a send source, read afresh each time it is sent. */
  requestAt(uri: vscode.Uri, line: number): SendSource;
  /** Fires after each write of the session file (the in-editor bench counts them). */
  readonly onDidSaveSession: (listener: () => void) => vscode.Disposable;
  /** Environment picker and request history (tests read the history). */
  readonly workflow: Workflow;
  /** The Testing view's controller and run profiles (tests read its items and run them). */
  readonly tests: HttpTests;
  /** Fires when an OAuth2 sign-in page opens or a device code shows (tests act on it as the user). */
  readonly onDidShowOAuthPrompt: vscode.Event<OAuthPromptShown>;
  /** How long `activate` took, in ms (the in-editor benchmark reads it). */
  readonly activationMs: number;
}

let sessions: WorkspaceSessions | undefined;

/** Activates on the first `.http`/`.rest` file or command. */
export async function activate(context: vscode.ExtensionContext): Promise<HttpSessionApi> {
  const started = performance.now();
  const log = new LogChannel();
  useCertificatePassphraseStorage(context.secrets);
  const documents = new DocumentCache();
  // No await when there is no session file to read: an await lets the busy host's other work into the figure.
  const opened = WorkspaceSessions.open(context, log);
  sessions = opened instanceof WorkspaceSessions ? opened : await opened;
  const history = new RequestHistory(context.workspaceState);
  const panel = registerResponseView(context, log, () => requests.cancelAll());
  const requests = new RequestController(panel, log, history);
  const sessionTree = registerSessionTree(context, sessions.store);
  registerStatusBar(context, sessions.store, requests.activity);
  const workflow = registerWorkflow(context, { documents, sessions: sessions.store, log, requests, history });
  const sources = { documents, sessions: sessions.store, log, environmentOf: (d: vscode.TextDocument) => workflow.environment.valuesFor(d) };
  registerLanguageFeatures(context, { documents, sessions: sessions.store, activeEnvironment: (uri) => workflow.environment.nameFor(uri) });
  const tests = registerTestController(context, {
    ...sources,
    requests,
    sourceAt: (uri, line, store) => fileRequestSource({ ...sources, sessions: store }, uri, line),
  });
  const codeLenses = new CodeLensProvider(documents);
  context.subscriptions.push(
    log,
    documents,
    sessions,
    history,
    requests,
    codeLenses,
    vscode.languages.registerCodeLensProvider({ language: 'http' }, codeLenses),
    vscode.languages.registerFoldingRangeProvider({ language: 'http' }, new FoldingRangeProvider(documents)),
    new SendRequestCommand(sources, requests),
    vscode.commands.registerCommand('httpSession.showLog', () => log.show()),
  );
  const saved = sessions;
  return {
    sessions: sessions.store,
    sessionTree,
    responseView: { panel, onDidFinish: requests.onDidShow },
    requests,
    requestAt: (uri, line) => fileRequestSource(sources, uri, line),
    onDidSaveSession: (listener) => saved.onDidSave(listener),
    workflow,
    tests,
    onDidShowOAuthPrompt,
    activationMs: performance.now() - started,
  };
}

/** Saves pending session changes before the extension host goes away. */
export async function deactivate(): Promise<void> {
  await sessions?.flush();
}
