import type { RequestBlock } from '../parser/types';
import { authNamesOfPart } from '../auth/oauth/authReferences';

/** How far a run may get ahead of its checks: requests whose checks wait, and their response bodies' bytes. */
export const CHECKS_AHEAD = { requests: 256, bodyBytes: 16 * 1024 * 1024 };

/**
 * The checks (response handlers, `??` lines) of the requests before, still running or waiting their turn while
 * runEach prepares and sends the next ones: a script runs in the sandbox's worker thread, and the next request
 * need not wait for it unless it reads what a script can change, the session's globals. Checks run one at a
 * time, in request order (a script sees the globals the scripts before it set). A request prepared while
 * checks were pending that read a global (even one not set: a script may be about to set it) is prepared
 * again once they are done.
 */
export class TrailingChecks {
  private tail: Promise<void> = Promise.resolve();
  private readonly waiting: { done: Promise<void>; bytes: number }[] = [];
  private waitingBytes = 0;
  private readWhileRunning = false;
  /** The first checks that failed: no request goes out after it (room() rethrows it). */
  private failure: { error: unknown } | undefined;

  constructor(private readonly ahead: { requests: number; bodyBytes: number } = CHECKS_AHEAD) {}

  /**
   * Queues `checks` after those queued before; the promise returned settles with them (rejecting as they do,
   * and so does every later one: a run whose checks failed ends there). `bytes` is what they hold on to.
   */
  queue(checks: () => Promise<void>, bytes: number): Promise<void> {
    const done = this.tail.then(checks).finally(() => {
      this.waiting.shift();
      this.waitingBytes -= bytes;
    });
    // The caller awaits `done` later: until then its failure must not count as unhandled.
    done.catch((error: unknown) => {
      this.failure ??= { error };
    });
    this.waiting.push({ done, bytes });
    this.waitingBytes += bytes;
    this.tail = done;
    return done;
  }

  /**
   * Resolves once the run is within `ahead` of its checks; rejects as the first checks that failed did (the
   * run ends there, as it did when each request waited for the checks before it).
   */
  async room(): Promise<void> {
    for (;;) {
      if (this.failure !== undefined) throw this.failure.error;
      if (this.waiting.length < this.ahead.requests && this.waitingBytes < this.ahead.bodyBytes) return;
      await this.waiting[0]?.done.catch(() => undefined);
    }
  }

  /** Resolves once no checks are running or waiting (never rejects: their failure is their runner's to report). */
  async settled(): Promise<void> {
    while (this.waiting.length > 0) await this.tail.catch(() => undefined);
  }

  /** Called by every read of a global: remembered when checks that may still change it are pending. */
  noteGlobalRead(): void {
    if (this.waiting.length > 0) this.readWhileRunning = true;
  }

  /** Starts watching for global reads (before preparing a request); `readGlobalsEarly()` tells afterwards. */
  watchReads(): void {
    this.readWhileRunning = false;
  }

  /** Whether a global was read while checks were pending since `watchReads()`. */
  readGlobalsEarly(): boolean {
    return this.readWhileRunning;
  }
}

/**
 * Whether `block` may be prepared and sent while the checks before it still run: preparing it must have no
 * effect but reading globals (which TrailingChecks watches). A pre-request script (it reads and sets globals),
 * a `# @note` or `# @prompt` (they ask the user, whose question must follow what was printed before), a
 * `# @ref` / `# @forceRef` (it sends another request) or an OAuth2 token (it may fetch one) waits for them.
 */
export function mayTrail(block: RequestBlock, fileParts: readonly object[]): boolean {
  if (block.preRequestScripts?.length) return false;
  if (block.directives.some((d) => WAITING_DIRECTIVES.has(d.name))) return false;
  return [block, ...fileParts].every((part) => authNamesOfPart(part).size === 0);
}

const WAITING_DIRECTIVES = new Set(['note', 'prompt', 'ref', 'forceRef']);
