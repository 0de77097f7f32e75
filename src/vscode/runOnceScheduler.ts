import type * as vscode from 'vscode';

/**
 * Runs `runner` once, `delayMs` after the last `schedule()` (as VS Code's own RunOnceScheduler): a burst of
 * changes (Send All's responses, a recheck per edit) costs one run. One timer per scheduler, so scheduling
 * again never adds a disposable; `dispose` cancels a pending run.
 */
export class RunOnceScheduler implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(private readonly runner: () => void, private readonly delayMs: number) {}

  /** (Re)starts the delay; the run happens `delayMs` after the last call. */
  schedule(): void {
    if (this.disposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; this.runner(); }, this.delayMs);
  }

  /** Schedules a run unless one is pending (a throttle: at most one run per `delayMs`, showing the latest state). */
  ensureScheduled(): void {
    if (!this.timer) this.schedule();
  }

  /** True while a run is pending. */
  get isScheduled(): boolean {
    return this.timer !== undefined;
  }

  /** Drops a pending run. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }
}
