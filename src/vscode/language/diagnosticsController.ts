import * as vscode from 'vscode';
import { unknownVariables } from '../../core/editor/unknownVariables';
import { variableUses } from '../../core/editor/variableUses';
import type { Diagnostic } from '../../core/parser/types';
import type { SessionStore } from '../../core/session/sessionStore';
import { splitLines } from '../../core/parser/splitLines';
import { refDiagnostics } from '../../core/runner/refDiagnostics';
import { Disposable, toDisposable } from '../disposable';
import { RunOnceScheduler } from '../runOnceScheduler';
import { editorHttpFileCache } from './editorHttpFiles';
import { knownGlobalNames } from './knownGlobals';
import type { LanguageServices } from './languageServices';

/** Delay between the last keystroke and the check, in ms. */
export const DIAGNOSTICS_DELAY_MS = 300;
/** Name of the diagnostic collection (the Problems view's source). */
export const DIAGNOSTIC_SOURCE = 'http-session';

/**
 * Diagnostics as you type: the parser's (malformed request lines and headers, unknown directives),
 * `# @ref` names found nowhere and `# @import` files that cannot be read, and unknown `{{variables}}`. Checked at once on open (files open at activation: right after it), 300 ms after the last edit, once per document version,
 * and again for every open file when environments or the workspace's named requests change.
 */
export class DiagnosticsController extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE));
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly checked = new Map<string, number>();
  /** Checks every open file on the next turn: at activation, and when environments or named requests change. */
  private readonly checkOpenFiles = this._register(new RunOnceScheduler(() => {
    for (const document of vscode.workspace.textDocuments) void this.check(document);
  }, 0));

  constructor(private readonly services: LanguageServices) {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((d) => void this.check(d)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)));
    this._register(services.environments.onDidChange(() => this.recheckAll()));
    this._register(services.requests.onDidChange(() => this.recheckAll()));
    this._register(services.globals.onDidChange(() => this.recheckAll()));
    // Only a session's global names matter here (cookies do not): a response setting a cookie rechecks nothing.
    let sessionGlobals = globalNamesSignature(services.sessions);
    this._register(services.sessions.onDidChange(() => {
      const now = globalNamesSignature(services.sessions);
      if (now === sessionGlobals) return;
      sessionGlobals = now;
      this.recheckAll();
    }));
    this._register(toDisposable(() => { for (const timer of this.timers.values()) clearTimeout(timer); }));
    // Files already open are checked just after activation returns (a big file's parse is not activation work).
    this.checkOpenFiles.schedule();
  }

  private schedule(document: vscode.TextDocument): void {
    if (document.languageId !== 'http') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); void this.check(document); }, DIAGNOSTICS_DELAY_MS));
  }

  private recheckAll(): void {
    this.checked.clear();
    this.checkOpenFiles.schedule();
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    if (document.languageId !== 'http' || document.isClosed) return;
    const key = document.uri.toString();
    const version = document.version;
    if (this.checked.get(key) === version) return;
    this.checked.set(key, version);
    const file = this.services.documents.get(document);
    const uses = variableUses(splitLines(document.getText()));
    const refs = document.uri.scheme === 'file' ? refDiagnostics(file, document.uri.fsPath, editorHttpFileCache()) : Promise.resolve([]);
    const [layers, , globals, refProblems] = await Promise.all([this.services.environments.layersFor(document.uri), this.services.requests.ready, knownGlobalNames(this.services.sessions, this.services.globals), refs]);
    // An edit or a close while waiting makes this result stale; the newer check reports instead.
    if (document.isClosed || document.version !== version || this.checked.get(key) !== version) return;
    const unknown = unknownVariables(file, uses, { environment: layers.allVariables, namedRequests: this.services.requests.names(), globals });
    this.collection.set(document.uri, [...file.diagnostics, ...refProblems, ...unknown].map((d) => toVscode(d, document)));
    // A request named, or a global set, in a file the watcher missed: look again; a change re-checks every open file.
    if (unknown.length > 0) void this.services.requests.rescan();
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.checked.delete(key);
    this.collection.delete(uri);
  }
}

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information } as const;

/** The names of every session's globals, as one comparable string. */
function globalNamesSignature(sessions: SessionStore): string {
  return sessions.names().map((name) => `${name}:${[...sessions.get(name).globals.keys()].sort().join(',')}`).join('\n');
}

function toVscode(d: Diagnostic, document: vscode.TextDocument): vscode.Diagnostic {
  const line = Math.min(d.line, document.lineCount - 1);
  const end = d.endColumn ?? document.lineAt(line).text.length;
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(line, d.column, line, Math.max(end, d.column)),
    d.message,
    SEVERITY[d.severity],
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}
