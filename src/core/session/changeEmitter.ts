/** Something that can be released; calling it twice is harmless. */
export interface Disposable {
  dispose(): void;
}

/** A tiny synchronous event emitter: listeners run in subscription order after every change. */
export class ChangeEmitter<T> {
  private readonly listeners = new Set<(event: T) => void>();

  /** Subscribes `listener`; the returned Disposable unsubscribes it. */
  readonly event = (listener: (event: T) => void): Disposable => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  /** Calls every listener with `event`; a throwing listener does not stop the others. */
  fire(event: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A broken view must never break the engine that feeds it.
      }
    }
  }
}
