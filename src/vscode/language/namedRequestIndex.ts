import { readFile, stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { parseHttpFile } from '../../core/parser/parseHttpFile';
import type { HttpFile } from '../../core/parser/types';
import { Disposable, toDisposable } from '../disposable';
import type { DocumentCache } from '../documentCache';

/** Glob of the files whose `# @name` requests the workspace knows. */
export const HTTP_FILES = '**/*.{http,rest}';
const EXCLUDE = '**/node_modules/**';
/** Delay between an edit and the check whether the edited file's request names changed, in ms. */
const NAMES_DELAY_MS = 300;
/** Least time between two rescans of the workspace asked for by `rescan`, in ms. */
const RESCAN_INTERVAL_MS = 2000;

/** Where a request is named: `# @name NAME` line of a file. */
export interface RequestDefinition {
  uri: vscode.Uri;
  line: number;
}

type Names = Map<string, number[]>;

/**
 * The `# @name` requests of every `.http`/`.rest` file of the workspace: open documents read live from the
 * DocumentCache (one parse per version), closed files parsed from disk once per change (file watcher).
 */
export class NamedRequestIndex extends Disposable {
  private readonly onDisk = new Map<string, { uri: vscode.Uri; names: Names; mtimeMs: number }>();
  private lastScan = 0;
  private scanning: Promise<void> | undefined;
  private trailingRescan: NodeJS.Timeout | undefined;
  private readonly signatures = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when the set of named requests of some file changes. */
  readonly onDidChange = this.changed.event;
  /** Settles when the first scan of the workspace is done. */
  readonly ready: Promise<void>;

  constructor(private readonly documents: DocumentCache) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(HTTP_FILES));
    this._register(watcher.onDidCreate((uri) => void this.readFromDisk(uri).then(() => this.changed.fire())));
    this._register(watcher.onDidChange((uri) => void this.readFromDisk(uri).then(() => this.changed.fire())));
    this._register(watcher.onDidDelete((uri) => { this.onDisk.delete(uri.toString()); this.changed.fire(); }));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.scheduleCheck(e.document)));
    this._register(toDisposable(() => {
      for (const timer of this.timers.values()) clearTimeout(timer);
      clearTimeout(this.trailingRescan);
    }));
    // The first scan waits until activation has returned: finding and reading the workspace's files is not
    // activation work, and everything that needs the names awaits `ready`.
    this.ready = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => this.scan());
  }

  /** Every request name of the workspace. */
  names(): Set<string> {
    const names = new Set<string>();
    for (const [, fileNames] of this.allFiles()) for (const name of fileNames.keys()) names.add(name);
    return names;
  }

  /** Every `# @name name` line of the workspace. */
  definitions(name: string): RequestDefinition[] {
    const found: RequestDefinition[] = [];
    for (const [uri, fileNames] of this.allFiles()) for (const line of fileNames.get(name) ?? []) found.push({ uri, line });
    return found;
  }

  /** Every `.http`/`.rest` file known: open documents first, then files on disk. */
  files(): vscode.Uri[] {
    return [...this.allFiles()].map(([uri]) => uri);
  }

  private *allFiles(): Generator<[vscode.Uri, Names]> {
    const open = new Set<string>();
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId !== 'http') continue;
      open.add(document.uri.toString());
      yield [document.uri, namesOf(this.documents.get(document))];
    }
    for (const [key, entry] of this.onDisk) if (!open.has(key)) yield [entry.uri, entry.names];
  }

  /**
   * Looks at the workspace's files again (at most every 2 s; only changed files are parsed), for when a name
   * or variable is not found: file watchers can miss events (inotify limits). Fires onDidChange when the
   * files or names changed.
   */
  async rescan(): Promise<void> {
    if (this.scanning) return this.scanning;
    const wait = this.lastScan + RESCAN_INTERVAL_MS - Date.now();
    if (wait > 0) {
      // Too soon after the last look: look once more when the interval ends, so no request for it is lost.
      if (!this.trailingRescan) {
        this.trailingRescan = setTimeout(() => { this.trailingRescan = undefined; void this.rescan(); }, wait);
      }
      return;
    }
    const before = this.signature();
    this.scanning = this.scan(false).finally(() => { this.scanning = undefined; });
    await this.scanning;
    if (this.signature() !== before) this.changed.fire();
  }

  /** The known files and names, to tell whether a rescan found something new (a file may hold scripts but no names). */
  private signature(): string {
    return [...this.files().map((uri) => uri.toString()), ...this.names()].sort().join('\n');
  }

  private async scan(fire = true): Promise<void> {
    this.lastScan = Date.now();
    const uris = await vscode.workspace.findFiles(HTTP_FILES, EXCLUDE);
    const found = new Set(uris.map((uri) => uri.toString()));
    for (const key of [...this.onDisk.keys()]) if (!found.has(key)) this.onDisk.delete(key);
    await Promise.all(uris.map((uri) => this.readFromDisk(uri, true)));
    if (fire) this.changed.fire();
  }

  private async readFromDisk(uri: vscode.Uri, onlyIfChanged = false): Promise<void> {
    if (uri.scheme !== 'file' || uri.fsPath.includes('node_modules')) return;
    const key = uri.toString();
    try {
      const { mtimeMs } = await stat(uri.fsPath);
      if (onlyIfChanged && this.onDisk.get(key)?.mtimeMs === mtimeMs) return;
      this.onDisk.set(key, { uri, names: namesOf(parseHttpFile(await readFile(uri.fsPath, 'utf8'))), mtimeMs });
    } catch {
      this.onDisk.delete(key);
    }
  }

  private scheduleCheck(document: vscode.TextDocument): void {
    if (document.languageId !== 'http') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      const signature = [...namesOf(this.documents.get(document)).keys()].sort().join('\n');
      if (this.signatures.get(key) === signature) return;
      this.signatures.set(key, signature);
      this.changed.fire();
    }, NAMES_DELAY_MS));
  }
}

/** Names of each parse (one version of a file): asked for on every diagnostics check, found once. */
const namesByParse = new WeakMap<HttpFile, Names>();

function namesOf(file: HttpFile): Names {
  const cached = namesByParse.get(file);
  if (cached) return cached;
  const names: Names = new Map();
  namesByParse.set(file, names);
  for (const request of file.requests) {
    // The name the runtime gives the request (its last `# @name`, else a `### NAME` title), where it is written.
    if (request.name === undefined || request.nameLine === undefined) continue;
    names.set(request.name, [...(names.get(request.name) ?? []), request.nameLine]);
  }
  return names;
}
