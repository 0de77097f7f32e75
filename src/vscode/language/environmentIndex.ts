import * as path from 'node:path';
import * as vscode from 'vscode';
import { environmentLayers, type EnvironmentLayers } from '../../core/editor/environmentLayers';
import { readEditorSettings } from '../config';
import { Disposable } from '../disposable';
import { environmentDir } from '../../core/variables/environmentDir';

/** The environment name used for `uri` ('' = `$shared` only). */
export type ActiveEnvironment = (uri: vscode.Uri) => string;

/** The `httpSession.environment` setting; the composition root passes the environment picker's choice instead. */
export const settingsEnvironment: ActiveEnvironment = (uri) => readEditorSettings(uri).environment;

/** `http-client(.private).env.json` of each `.http` file's directory, read once and again after the files change. */
export class EnvironmentIndex extends Disposable {
  private readonly cache = new Map<string, Promise<EnvironmentLayers>>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when an environment file changes, or the chosen environment does. */
  readonly onDidChange = this.changed.event;

  constructor(readonly activeEnvironment: ActiveEnvironment) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/http-client*.env.json'));
    const drop = (uri: vscode.Uri): void => {
      this.cache.delete(path.dirname(uri.fsPath));
      this.changed.fire();
    };
    this._register(watcher.onDidCreate(drop));
    this._register(watcher.onDidChange(drop));
    this._register(watcher.onDidDelete(drop));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('httpSession.environment')) this.changed.fire();
    }));
  }

  /** The environment files that apply to `uri`: the nearest directory up to the workspace folder holding one (as sending does). */
  async layersFor(uri: vscode.Uri): Promise<EnvironmentLayers> {
    const root = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const dir = uri.scheme === 'file' ? await environmentDir(path.dirname(uri.fsPath), root) : (root ?? '');
    let layers = this.cache.get(dir);
    if (!layers) {
      layers = environmentLayers(dir);
      this.cache.set(dir, layers);
    }
    return layers;
  }

  /** The active environment's name for `uri`, or undefined when it is `$shared` only or not defined beside the file. */
  async activeFor(uri: vscode.Uri): Promise<{ layers: EnvironmentLayers; name: string | undefined }> {
    const layers = await this.layersFor(uri);
    const chosen = this.activeEnvironment(uri);
    return { layers, name: chosen && layers.names.includes(chosen) ? chosen : undefined };
  }

  /** Tells listeners the chosen environment changed (for a picker that does not use the setting). */
  notifyActiveChanged(): void {
    this.changed.fire();
  }
}
