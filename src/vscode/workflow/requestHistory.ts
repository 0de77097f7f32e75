import type * as vscode from 'vscode';
import { addToHistory } from '../../core/history/addToHistory';
import { historyEntry, type HistoryEntry } from '../../core/history/historyEntry';
import { isNoLog } from '../../core/runner/isNoLog';
import type { RunResult } from '../../core/runner/types';
import { Disposable, toDisposable } from '../disposable';
import { RunOnceScheduler } from '../runOnceScheduler';

const STATE_KEY = 'httpSession.history';
/** Quiet time before the history is written to workspace state, in ms: Send All's 300 results are one write. */
const WRITE_DELAY_MS = 500;

/**
 * The last 50 requests sent in this workspace, newest first, kept in workspace state with credentials masked.
 * Reads see every recorded entry at once; the write to workspace state waits for a burst to settle (and is
 * made on dispose).
 */
export class RequestHistory extends Disposable {
  /** Entries recorded but not yet written (undefined: workspace state is current). */
  private pending: HistoryEntry[] | undefined;
  private readonly write = this._register(new RunOnceScheduler(() => void this.writePending(), WRITE_DELAY_MS));

  constructor(private readonly state: vscode.Memento) {
    super();
    this._register(toDisposable(() => void this.writePending()));
  }

  /** The entries, newest first. */
  get entries(): HistoryEntry[] {
    if (this.pending) return this.pending;
    const stored = this.state.get<unknown>(STATE_KEY);
    return Array.isArray(stored) ? (stored as HistoryEntry[]) : [];
  }

  /** Adds the result of a send; a request that was never sent (input error, cancelled prompt) or marked `# @no-log` is not kept. */
  record(result: RunResult, finishedAt = new Date()): void {
    if (isNoLog(result.request)) return;
    const entry = historyEntry(result, finishedAt);
    if (!entry) return;
    this.pending = addToHistory(this.entries, entry);
    this.write.schedule();
  }

  /** Forgets every entry. */
  async clear(): Promise<void> {
    this.write.cancel();
    this.pending = undefined;
    await this.state.update(STATE_KEY, undefined);
  }

  private async writePending(): Promise<void> {
    const entries = this.pending;
    if (!entries) return;
    this.pending = undefined;
    this.write.cancel();
    await this.state.update(STATE_KEY, entries);
  }
}
