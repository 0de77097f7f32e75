import type * as vscode from 'vscode';
import { addToHistory } from '../../core/history/addToHistory';
import { historyEntry, type HistoryEntry } from '../../core/history/historyEntry';
import { isNoLog } from '../../core/runner/isNoLog';
import type { RunResult } from '../../core/runner/types';

const STATE_KEY = 'httpSession.history';

/** The last 50 requests sent in this workspace, newest first, kept in workspace state with credentials masked. */
export class RequestHistory {
  constructor(private readonly state: vscode.Memento) {}

  /** The entries, newest first. */
  get entries(): HistoryEntry[] {
    const stored = this.state.get<unknown>(STATE_KEY);
    return Array.isArray(stored) ? (stored as HistoryEntry[]) : [];
  }

  /** Adds the result of a send; a request that was never sent (input error, cancelled prompt) or marked `# @no-log` is not kept. */
  async record(result: RunResult, finishedAt = new Date()): Promise<void> {
    if (isNoLog(result.request)) return;
    const entry = historyEntry(result, finishedAt);
    if (entry) await this.state.update(STATE_KEY, addToHistory(this.entries, entry));
  }

  /** Forgets every entry. */
  async clear(): Promise<void> {
    await this.state.update(STATE_KEY, undefined);
  }
}
