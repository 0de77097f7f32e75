import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { ChangeEmitter } from '../core/session/changeEmitter';
import { loadSessionFile, saveSessionFile } from '../core/session/sessionFile';
import { SessionStore } from '../core/session/sessionStore';
import { readEditorSettings } from './config';
import { Disposable, toDisposable } from './disposable';
import type { LogChannel } from './logChannel';
import { reportError } from './response/reportError';

/** Delay between a session change and its save, in ms (many cookies from one response = one write). */
const SAVE_DELAY_MS = 300;

/**
 * The workspace's sessions: loaded from and saved to `sessions.json` in the extension's workspace storage
 * (never in the user's repository) when `httpSession.session.persist` is on; in memory otherwise.
 */
export class WorkspaceSessions extends Disposable {
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private readonly saves = new ChangeEmitter<void>();

  /** Fires after each write of the session file (the in-editor bench counts them: one per burst of responses). */
  readonly onDidSave = this.saves.event;

  private constructor(readonly store: SessionStore, private readonly file: string | undefined, private readonly log: LogChannel) {
    super();
    // Registered first, so it goes last: the pools close after the listeners are gone.
    this._register(toDisposable(() => void this.store.close()));
    this._register(store.onDidChange(() => this.scheduleSave()));
  }

  /**
   * Loads the saved sessions (a corrupt file is moved aside with a logged warning). Without a saved file (or
   * with persistence off) it returns at once, without waiting on the event loop: activation stays short.
   */
  static open(context: vscode.ExtensionContext, log: LogChannel): WorkspaceSessions | Promise<WorkspaceSessions> {
    const storage = context.storageUri?.fsPath;
    if (!storage || !readEditorSettings().persistSessions) return new WorkspaceSessions(new SessionStore(), undefined, log);
    const file = path.join(storage, 'sessions.json');
    if (!fs.existsSync(file)) return new WorkspaceSessions(new SessionStore(), file, log);
    return WorkspaceSessions.load(file, log);
  }

  private static async load(file: string, log: LogChannel): Promise<WorkspaceSessions> {
    const loaded = await loadSessionFile(file).catch((e: unknown) => {
      log.channel.error(`Could not read ${file}: ${e instanceof Error ? e.message : String(e)}; starting with an empty session`);
      return { store: new SessionStore(), warnings: [] };
    });
    for (const warning of loaded.warnings) void reportError(log, warning, 'warning');
    return new WorkspaceSessions(loaded.store, file, log);
  }

  /** Writes pending changes now (on deactivate). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.save();
    }
    await this.saving;
  }

  private scheduleSave(): void {
    if (!this.file) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; this.save(); }, SAVE_DELAY_MS);
  }

  private save(): void {
    const file = this.file;
    if (!file) return;
    this.saving = this.saving.then(() => saveSessionFile(file, this.store)).then(() => this.saves.fire()).catch((e: unknown) => {
      this.log.channel.error(`Could not save the session to ${file}: ${e instanceof Error ? e.message : String(e)}`);
    });
  }
}
