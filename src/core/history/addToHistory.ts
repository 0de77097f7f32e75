import type { HistoryEntry } from './historyEntry';

/** How many requests the history keeps. */
export const HISTORY_LIMIT = 50;

/** A new list with `entry` first and at most `limit` entries (the oldest dropped). */
export function addToHistory(entries: readonly HistoryEntry[], entry: HistoryEntry, limit = HISTORY_LIMIT): HistoryEntry[] {
  return [entry, ...entries].slice(0, limit);
}
