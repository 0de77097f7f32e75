/**
 * One timer for every script job in flight, instead of one per job (setting and clearing a timer per script
 * cost ~15 µs of the host's thread, and a job almost always ends long before its limit). The timer is set
 * for the earliest deadline; when it fires, jobs past theirs are reported and it is set again for the next.
 * It never keeps the process alive: a job in flight does that through its worker.
 */
const MAX_DELAY_MS = 2 ** 31 - 1;

export class JobWatchdog {
  private readonly deadlines = new Map<number, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Number.POSITIVE_INFINITY;

  constructor(private readonly expired: (id: number) => void) {}

  /** Reports `id` through `expired` unless it is forgotten within `ms`. */
  watch(id: number, ms: number): void {
    const at = performance.now() + ms;
    this.deadlines.set(id, at);
    if (at < this.timerAt) this.arm(at);
  }

  forget(id: number): void {
    this.deadlines.delete(id);
  }

  private arm(at: number): void {
    clearTimeout(this.timer);
    this.timerAt = at;
    // setTimeout takes at most 2^31 - 1 ms (a longer delay fires at once, with a warning): a job with a longer
    // limit is looked at again then.
    this.timer = setTimeout(() => this.fire(), Math.min(MAX_DELAY_MS, Math.max(0, at - performance.now())));
    this.timer.unref();
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    const now = performance.now();
    let next = Number.POSITIVE_INFINITY;
    for (const [id, at] of [...this.deadlines]) {
      if (at <= now) {
        this.deadlines.delete(id);
        this.expired(id);
      } else {
        next = Math.min(next, at);
      }
    }
    if (next !== Number.POSITIVE_INFINITY) this.arm(next);
  }
}
