import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { assignmentsIn, httpFileAssignments, scriptFilesOf } from '../../core/editor/globalAssignments';
import type { GlobalAssignment } from '../../core/editor/globalAssignments';
import { parseHttpFile } from '../../core/parser/parseHttpFile';
import type { HttpFile } from '../../core/parser/types';
import { Disposable, toDisposable } from '../disposable';
import type { DocumentCache } from '../documentCache';
import type { NamedRequestIndex } from './namedRequestIndex';

/** Delay between an edit and the check whether the edited file's globals changed, in ms. */
const GLOBALS_DELAY_MS = 300;

type Located = GlobalAssignment & { uri: vscode.Uri };

type Scripts = { inline: Located[]; handlerFiles: vscode.Uri[] };

/**
 * Scripts of each parse (a parse is one version of a file, see DocumentCache): every diagnostics check asks
 * for the workspace's globals, and a file that did not change is not searched again.
 */
const scriptsByParse = new WeakMap<HttpFile, { key: string; scripts: Scripts }>();

/** An `.http` file's inline assignments and the handler files it names (absolute). */
function scriptsOf(file: HttpFile, uri: vscode.Uri): Scripts {
  const key = uri.toString();
  const cached = scriptsByParse.get(file);
  if (cached?.key === key) return cached.scripts;
  const scripts = {
    inline: httpFileAssignments(file).map((a) => ({ ...a, uri })),
    handlerFiles: scriptFilesOf(file).map((p) => vscode.Uri.file(path.resolve(path.dirname(uri.fsPath), p))),
  };
  scriptsByParse.set(file, { key, scripts });
  return scripts;
}

/** Where a script of the workspace sets a global. */
export interface GlobalDefinition {
  uri: vscode.Uri;
  line: number;
  column: number;
}

/**
 * The globals the workspace's scripts set (`client.global.set("name", …)`, found by parsing): inline scripts
 * of every `.http`/`.rest` file and the `./handler.js` files they name. Files on disk are read once per change.
 */
export class ScriptGlobalIndex extends Disposable {
  private readonly cache = new Map<string, { mtimeMs: number; value: unknown }>();
  private readonly signatures = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when a file's set of script globals may have changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly documents: DocumentCache, private readonly requests: NamedRequestIndex) {
    super();
    this._register(requests.onDidChange(() => this.changed.fire()));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.scheduleCheck(e.document)));
    this._register(toDisposable(() => { for (const timer of this.timers.values()) clearTimeout(timer); }));
  }

  /** Every global a script of the workspace sets, with where. */
  async definitions(): Promise<Map<string, GlobalDefinition[]>> {
    await this.requests.ready;
    const all = new Map<string, GlobalDefinition[]>();
    const lists = await Promise.all(this.requests.files().map((uri) => this.assignmentsOf(uri)));
    for (const found of lists.flat()) all.set(found.name, [...(all.get(found.name) ?? []), { uri: found.uri, line: found.line, column: found.column }]);
    return all;
  }

  private async assignmentsOf(uri: vscode.Uri): Promise<Located[]> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const scripts = open ? scriptsOf(this.documents.get(open), uri) : await this.fromDisk(uri, (text) => scriptsOf(parseHttpFile(text), uri));
    if (!scripts) return [];
    const handlers = await Promise.all(scripts.handlerFiles.map((file) => this.handlerAssignments(file)));
    return [...scripts.inline, ...handlers.flat()];
  }

  /** `read(text)` of the file on disk, once per modification time; undefined when it cannot be read. */
  private async fromDisk<T>(uri: vscode.Uri, read: (text: string) => T): Promise<T | undefined> {
    const key = uri.toString();
    try {
      const { mtimeMs } = await stat(uri.fsPath);
      const cached = this.cache.get(key);
      if (cached?.mtimeMs === mtimeMs) return cached.value as T;
      const value = read(await readFile(uri.fsPath, 'utf8'));
      this.cache.set(key, { mtimeMs, value });
      return value;
    } catch {
      this.cache.delete(key);
      return undefined;
    }
  }

  private async handlerAssignments(uri: vscode.Uri): Promise<Located[]> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const read = (text: string): Located[] => assignmentsIn(text).map((a) => ({ ...a, uri }));
    if (open) return read(open.getText());
    return (await this.fromDisk(uri, read)) ?? [];
  }

  private scheduleCheck(document: vscode.TextDocument): void {
    if (document.languageId !== 'http' && document.languageId !== 'javascript') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      const found = document.languageId === 'http' ? httpFileAssignments(this.documents.get(document)) : assignmentsIn(document.getText());
      const signature = [...new Set(found.map((a) => a.name))].sort().join('\n');
      if (this.signatures.get(key) === signature) return;
      this.signatures.set(key, signature);
      this.changed.fire();
    }, GLOBALS_DELAY_MS));
  }
}
