import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseHttpFile } from '../../core/parser/parseHttpFile';
import type { HttpFile, ScriptRef } from '../../core/parser/types';
import { readScriptFiles } from '../../core/testing/readScriptFiles';
import { bodyFilePath } from '../../core/variables/readBodyFile';
import { Disposable } from '../disposable';
import type { DocumentCache } from '../documentCache';
import { ScriptFileIndex } from './scriptFileIndex';
import { fillFileItem, itemData } from './testItems';

const HTTP_GLOB = '**/*.{http,rest}';
const SCRIPT_GLOB = '**/*.{js,mjs,cjs}';
const EXCLUDE_GLOB = '**/node_modules/**';

/** Is `uri` an `.http` / `.rest` file on disk? */
function isHttpFile(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && /\.(http|rest)$/i.test(uri.fsPath);
}

type ScriptFileRef = Extract<ScriptRef, { kind: 'file' }>;

/** The file's `./file.js` scripts, whose `client.test` names are read from disk afterwards. */
function scriptFileRefs(file: HttpFile): ScriptFileRef[] {
  return file.requests.flatMap((b) => [...(b.preRequestScripts ?? []), ...(b.responseHandlers ?? [])])
    .filter((r): r is ScriptFileRef => r.kind === 'file');
}

/**
 * Keeps the controller's items in step with the workspace: every `.http` / `.rest` file (found when the
 * Testing view asks, or when one is opened), parsed again on each edit and on changes on disk. The
 * `client.test` names of its `./handler.js` files are added once those are read, and read again when one
 * of those files changes on disk (the run reads them from disk too, so unsaved edits are not shown).
 */
export class TestDiscovery extends Disposable {
  /** Per file, the latest reading of its `.js` scripts: an older one that ends later is dropped. */
  private readonly readings = new Map<string, Promise<void>>();
  private readonly scripts = new ScriptFileIndex();

  constructor(private readonly controller: vscode.TestController, private readonly documents: DocumentCache) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(HTTP_GLOB));
    this._register(watcher.onDidCreate((uri) => void this.updateFromDisk(uri)));
    this._register(watcher.onDidChange((uri) => void this.updateFromDisk(uri)));
    this._register(watcher.onDidDelete((uri) => this.forget(uri)));
    const scriptWatcher = this._register(vscode.workspace.createFileSystemWatcher(SCRIPT_GLOB));
    for (const event of [scriptWatcher.onDidCreate, scriptWatcher.onDidChange, scriptWatcher.onDidDelete]) {
      this._register(event((uri) => this.refreshUsersOf(uri)));
    }
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.updateFromDocument(d)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.updateFromDocument(e.document)));
    for (const document of vscode.workspace.textDocuments) this.updateFromDocument(document);
  }

  /** Finds every `.http` / `.rest` file of the workspace (the Testing view's first look, and Refresh). */
  async discoverAll(): Promise<void> {
    const uris = await vscode.workspace.findFiles(HTTP_GLOB, EXCLUDE_GLOB);
    await Promise.all(uris.map((uri) => this.updateFromDisk(uri)));
  }

  /** Parses the file again (the open document when there is one) and returns its item. */
  async refresh(uri: vscode.Uri): Promise<vscode.TestItem | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const item = open ? this.updateFromDocument(open) : await this.updateFromDisk(uri);
    await this.readings.get(uri.toString());
    return item;
  }

  /** Parses again only the `.http` files that name the script at `uri`. */
  private refreshUsersOf(uri: vscode.Uri): void {
    for (const user of this.scripts.usersOf(uri.fsPath)) void this.refresh(vscode.Uri.parse(user));
  }

  private forget(uri: vscode.Uri): void {
    this.controller.items.delete(uri.toString());
    this.scripts.delete(uri.toString());
  }

  private updateFromDocument(document: vscode.TextDocument): vscode.TestItem | undefined {
    if (!isHttpFile(document.uri)) return undefined;
    return this.fill(document.uri, () => this.documents.get(document));
  }

  private async updateFromDisk(uri: vscode.Uri): Promise<vscode.TestItem | undefined> {
    if (!isHttpFile(uri)) return undefined;
    // An open document is newer than the disk.
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return this.controller.items.get(uri.toString());
    let text: string;
    try {
      text = await fs.readFile(uri.fsPath, 'utf8');
    } catch {
      this.forget(uri);
      return undefined;
    }
    return this.fill(uri, () => parseHttpFile(text));
  }

  private fill(uri: vscode.Uri, parse: () => HttpFile): vscode.TestItem {
    let item = this.controller.items.get(uri.toString());
    if (!item) {
      item = this.controller.createTestItem(uri.toString(), path.basename(uri.fsPath), uri);
      itemData.set(item, { kind: 'file', uri });
      this.controller.items.add(item);
    }
    const file = parse();
    const refs = scriptFileRefs(file);
    // With .js scripts the items stay as they are until those are read: no flicker of their tests on each edit.
    if (refs.length > 0) {
      this.addScriptFileTests(uri, item, file, refs);
    } else {
      this.readings.delete(uri.toString());
      this.scripts.delete(uri.toString());
      fillFileItem(this.controller, item, uri, file);
    }
    return item;
  }

  private addScriptFileTests(uri: vscode.Uri, item: vscode.TestItem, file: HttpFile, refs: ScriptFileRef[]): void {
    const key = uri.toString();
    const scope = { filePath: uri.fsPath, restricted: !vscode.workspace.isTrusted, ...workspaceRootOf(uri) };
    // Where each script is, by the run's own path rule (without the Restricted Mode check: a missing file counts too).
    const paths = Promise.all(refs.map((ref) => bodyFilePath(ref.path, ref.line, { filePath: uri.fsPath })));
    const reading: Promise<void> = Promise.all([readScriptFiles(file, scope), paths]).then(([files, scripts]) => {
      if (this.readings.get(key) !== reading) return;
      this.scripts.set(key, scripts);
      fillFileItem(this.controller, item, uri, file, files);
    });
    this.readings.set(key, reading);
  }
}

function workspaceRootOf(uri: vscode.Uri): { workspaceRoot?: string } {
  const root = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
  return root === undefined ? {} : { workspaceRoot: root };
}
