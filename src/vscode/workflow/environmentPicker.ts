import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadEnvironments } from '../../core/variables/environments';
import { readEditorSettings } from '../config';
import { Disposable } from '../disposable';
import type { LogChannel } from '../logChannel';
import { environmentDir } from '../../core/variables/environmentDir';

/** Command that picks the active environment (argument: a name, '' for none, or null to follow the setting again; no argument opens the picker). */
export const SELECT_ENVIRONMENT_COMMAND = 'httpSession.selectEnvironment';
const STATE_KEY = 'httpSession.activeEnvironment';
const NONE = 'No Environment';

/**
 * The active environment of the workspace: picked in the status bar ("$(server-environment) demo") and
 * kept in workspace state; until one is picked, the `httpSession.environment` setting is the default.
 */
export class EnvironmentPicker extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('httpSession.environment', vscode.StatusBarAlignment.Left, 49));

  constructor(private readonly state: vscode.Memento, private readonly log: LogChannel) {
    super();
    this.item.name = 'HTTP Session Environment';
    this.item.command = SELECT_ENVIRONMENT_COMMAND;
    this._register(vscode.commands.registerCommand(SELECT_ENVIRONMENT_COMMAND, (name?: unknown) => this.select(name)));
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('httpSession.environment')) this.update(); }));
    this.update();
  }

  /** The environment name for `uri`: the picked one ('' = none), else the setting ('' = `$shared` only). */
  nameFor(uri?: vscode.Uri): string {
    return this.state.get<string>(STATE_KEY) ?? readEditorSettings(uri).environment;
  }

  /** The values `{{variables}}` of a request in `document` resolve against: `$shared` and the active environment. */
  async valuesFor(document: vscode.TextDocument): Promise<Record<string, string>> {
    return this.valuesAt(document.uri);
  }

  /** The same for a file that may be gone (a history entry's): the env files nearest its folder. */
  async valuesAt(uri: vscode.Uri): Promise<Record<string, string>> {
    const environments = await loadEnvironments(await this.dirOf(uri));
    for (const error of environments.errors) this.log.channel.warn(error.describe());
    const name = this.nameFor(uri);
    return environments.resolve(name || undefined);
  }

  private async select(arg: unknown): Promise<string | undefined> {
    if (arg === null) {
      await this.state.update(STATE_KEY, undefined);
      this.update();
      return this.nameFor(vscode.window.activeTextEditor?.document.uri);
    }
    const name = typeof arg === 'string' ? arg : await this.pick();
    if (name === undefined) return undefined;
    await this.state.update(STATE_KEY, name);
    this.update();
    return name;
  }

  private async pick(): Promise<string | undefined> {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const dir = uri?.scheme === 'file' ? await this.dirOf(uri) : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const names = dir ? (await loadEnvironments(dir)).names() : [];
    const current = this.nameFor(uri);
    const items: vscode.QuickPickItem[] = [
      { label: NONE, description: current === '' ? 'active' : '$shared values only' },
      ...names.map((label) => ({ label, description: label === current ? 'active' : undefined })),
    ];
    const placeHolder = names.length ? 'Environment for {{variables}}' : `No environments in http-client.env.json${dir ? ` (looked from ${dir})` : ''}`;
    const chosen = await vscode.window.showQuickPick(items, { placeHolder, title: 'HTTP Session: Select Environment' });
    return chosen ? (chosen.label === NONE ? '' : chosen.label) : undefined;
  }

  private dirOf(uri: vscode.Uri): Promise<string> {
    return environmentDir(path.dirname(uri.fsPath), vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath);
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const name = this.nameFor(editor?.document.uri);
    this.item.text = `$(server-environment) ${name || NONE}`;
    this.item.tooltip = `HTTP Session environment: ${name || 'none ($shared values only)'}\nClick to select another.`;
    if (editor?.document.languageId === 'http') this.item.show();
    else this.item.hide();
  }
}
