import type { CliIo } from './cliIo';

/**
 * Printing that trails the run by one request. `later(print)` runs `print` at the event loop's next check phase
 * (setImmediate): by then the runner has prepared the next request and written it to its socket, so formatting
 * and writing a response overlap the wait for the next one instead of delaying it. Order is kept: a call made
 * through `io` (a prompt, a warning, the next result's lines) first runs what is queued; `drain()` runs the rest.
 * A print that throws is rethrown by the next `io` call or `drain()`, as if it had run in place.
 */
export class PrintBehind {
  /** `target` whose every call first prints what is queued. */
  readonly io: CliIo;
  private queue: Array<() => void> = [];
  private scheduled = false;
  private failure: { error: unknown } | undefined;

  constructor(target: CliIo) {
    const first = <A extends unknown[], R>(call: (...args: A) => R) => (...args: A): R => {
      this.drain();
      return call(...args);
    };
    this.io = {
      ...target,
      out: first((text: string) => target.out(text)),
      err: first((text: string) => target.err(text)),
      style: (styles, text) => target.style(styles, text),
      ...(target.ask ? { ask: first(target.ask.bind(target)) } : {}),
      ...(target.askSecret ? { askSecret: first(target.askSecret.bind(target)) } : {}),
      ...(target.flush ? { flush: first(target.flush.bind(target)) } : {}),
    };
  }

  /** Queues `print` to run once the next request has gone out (or sooner, when something else is printed). */
  later(print: () => void): void {
    this.queue.push(print);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      try {
        this.runQueued();
      } catch (error) {
        this.failure ??= { error };
      }
    });
  }

  /** Runs every queued print now, in order; throws what a print threw since the last call. */
  drain(): void {
    this.runQueued();
    const failure = this.failure;
    this.failure = undefined;
    if (failure) throw failure.error;
  }

  private runQueued(): void {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      for (const [i, print] of batch.entries()) {
        try {
          print();
        } catch (error) {
          // The rest still prints, after the failed one, before anything queued later.
          this.queue = [...batch.slice(i + 1), ...this.queue];
          throw error;
        }
      }
    }
  }
}
