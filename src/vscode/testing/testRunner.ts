import * as vscode from 'vscode';
import { SessionStore } from '../../core/session/sessionStore';
import type { DocumentCache } from '../documentCache';
import type { LogChannel } from '../logChannel';
import type { RequestController } from '../request/requestController';
import type { SendSource } from '../request/sendSource';
import { runConfirmation } from '../trust/trustPolicy';
import { reportResult } from './reportResult';
import type { TestDiscovery } from './testDiscovery';
import { itemData } from './testItems';

/** What a run needs from the rest of the extension. */
export interface TestRunnerDeps {
  documents: DocumentCache;
  sessions: SessionStore;
  log: LogChannel;
  environmentOf(document: vscode.TextDocument): Promise<Record<string, string>>;
  /** The one owner of a send: a run's requests go through it quietly (log, history, status bar, Cancel). */
  requests: Pick<RequestController, 'send'>;
  /** The request at `line` of `uri`, run in `sessions` (the workspace's, or a fresh store). */
  sourceAt(uri: vscode.Uri, line: number, sessions: SessionStore): SendSource;
}

/** Per file (in path order) the request items to run, in file order. */
type Plan = Map<string, { uri: vscode.Uri; requests: Set<vscode.TestItem> }>;

function planOf(controller: vscode.TestController, request: vscode.TestRunRequest): Plan {
  const excluded = new Set(request.exclude ?? []);
  const plan: Plan = new Map();
  const add = (item: vscode.TestItem): void => {
    const data = itemData.get(item);
    if (!data || excluded.has(item)) return;
    if (data.kind === 'file') { item.children.forEach(add); return; }
    // A single test runs its whole request: that is how it is checked.
    const requestItem = data.kind === 'request' ? item : item.parent;
    if (!requestItem || excluded.has(requestItem)) return;
    const key = data.uri.toString();
    if (!plan.has(key)) plan.set(key, { uri: data.uri, requests: new Set() });
    plan.get(key)!.requests.add(requestItem);
  };
  if (request.include) request.include.forEach(add);
  else controller.items.forEach(add);
  return new Map([...plan].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Runs test items: each request once, in file order, through the workspace session ("Run") or a fresh
 * in-memory one ("Run in a Fresh Session"). Each goes through the request controller as a quiet send: logged
 * and in the history like any other, but without the response view. In Restricted Mode it asks once first.
 */
export async function runTests(controller: vscode.TestController, discovery: TestDiscovery, deps: TestRunnerDeps,
  request: vscode.TestRunRequest, token: vscode.CancellationToken, fresh: boolean): Promise<void> {
  for (const item of request.include ?? []) { const uri = itemData.get(item)?.uri; if (uri) await discovery.refresh(uri); }
  const plan = planOf(controller, request);
  const total = [...plan.values()].reduce((n, f) => n + f.requests.size, 0);
  if (total === 0) return;
  const asked = runConfirmation(vscode.workspace.isTrusted, total, plan.size);
  if (asked && (await vscode.window.showWarningMessage(asked.message, { modal: true, detail: asked.detail }, asked.confirm)) !== asked.confirm) return;
  const run = controller.createTestRun(request, fresh ? 'HTTP Session (fresh session)' : 'HTTP Session');
  const abort = new AbortController();
  const cancelled = token.onCancellationRequested(() => abort.abort());
  const sessions = fresh ? new SessionStore() : deps.sessions;
  try {
    for (const { uri, requests } of plan.values()) {
      const ordered = [...requests].sort((a, b) => (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0));
      for (const item of ordered) { run.enqueued(item); item.children.forEach((c) => run.enqueued(c)); }
      await runFileRequests(run, controller, deps, sessions, uri, ordered, abort.signal);
      if (abort.signal.aborted) break;
    }
  } finally {
    cancelled.dispose();
    if (fresh) await sessions.close();
    run.end();
  }
}

async function runFileRequests(run: vscode.TestRun, controller: vscode.TestController, deps: TestRunnerDeps, sessions: SessionStore,
  uri: vscode.Uri, items: vscode.TestItem[], signal: AbortSignal): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  try {
    // Asked here too so a broken environment file shows on each item; the send reads it again (it may change).
    await deps.environmentOf(document);
  } catch (error) {
    for (const item of items) run.errored(item, new vscode.TestMessage(error instanceof Error ? error.message : String(error)));
    return;
  }
  for (const item of items) {
    const data = itemData.get(item);
    if (data?.kind !== 'request') continue;
    if (signal.aborted) { run.skipped(item); continue; }
    run.started(item);
    const result = await deps.requests.send(deps.sourceAt(uri, data.request.block.requestLine, sessions), { quiet: true, signal, askedFirst: true });
    if (result) {
      reportResult(controller, run, item, result);
    } else {
      const message = new vscode.TestMessage('The request was not sent (see Output → HTTP Session).');
      message.location = new vscode.Location(uri, new vscode.Position(data.request.block.requestLine, 0));
      run.errored(item, message);
    }
  }
}
