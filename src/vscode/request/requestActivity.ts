import * as vscode from 'vscode';
import { Disposable, toDisposable } from '../disposable';

/** One request in flight. */
export interface RunningRequest {
  readonly id: number;
  readonly label: string;
  readonly controller: AbortController;
}

/** The requests in flight (several may run at once): the status bar spins while any runs; Cancel aborts them. */
export class RequestActivity extends Disposable {
  private readonly running = new Map<number, RunningRequest>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  private nextId = 1;

  constructor() {
    super();
    // Registered last, so it runs first: requests in flight are aborted before the emitter goes.
    this._register(toDisposable(() => this.cancelAll()));
  }

  /** Fires when a request starts or ends. */
  readonly onDidChange = this.changed.event;

  /** Registers a request; call `end` when it settles. */
  start(label: string): RunningRequest & { end(): void } {
    const entry = { id: this.nextId++, label, controller: new AbortController() };
    this.running.set(entry.id, entry);
    this.changed.fire();
    return {
      ...entry,
      end: () => {
        if (this.running.delete(entry.id)) this.changed.fire();
      },
    };
  }

  /** Labels of the requests in flight, oldest first. */
  get labels(): string[] {
    return [...this.running.values()].map((r) => r.label);
  }

  /** Aborts every request in flight; returns how many were aborted. */
  cancelAll(): number {
    const all = [...this.running.values()];
    for (const request of all) request.controller.abort();
    return all.length;
  }
}
