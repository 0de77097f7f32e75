import type * as vscode from 'vscode';

/** Base for objects that own listeners, providers and panels: everything `_register`ed is disposed with it. */
export abstract class Disposable implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  /** Takes ownership of `disposable` (disposed at once if this object already is) and returns it. */
  protected _register<T extends vscode.Disposable>(disposable: T): T {
    if (this.disposed) disposable.dispose();
    else this.disposables.push(disposable);
    return disposable;
  }

  /** Disposes everything registered, last first. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

/** A Disposable that calls `dispose` once (a timer to clear, a core subscription to end). */
export function toDisposable(dispose: () => void): vscode.Disposable {
  let done = false;
  return { dispose: () => { if (!done) { done = true; dispose(); } } };
}
