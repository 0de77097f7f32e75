import type { RequestBlock } from '../parser/types';
import { authNamesOfPart } from '../auth/oauth/authReferences';

/**
 * The checks (response handlers, `??` lines) of the request before, still running while runEach prepares and
 * sends the next one: a script runs in the sandbox's worker thread, and the next request need not wait for it
 * unless it reads what a script can change, the session's globals. A request prepared while checks ran that
 * read a global (even one not set: a script may be about to set it) is prepared again once they are done.
 */
export class TrailingChecks {
  private running: Promise<void> | undefined;
  private readWhileRunning = false;

  /** Starts tracking `checks`; the promise returned settles with them (rejecting as they do). */
  start(checks: Promise<void>): Promise<void> {
    const tracked = checks.finally(() => {
      if (this.running === tracked) this.running = undefined;
    });
    this.running = tracked;
    // The caller awaits `tracked` later: until then its failure must not count as unhandled.
    tracked.catch(() => undefined);
    return tracked;
  }

  /** Resolves once no checks are running (never rejects: their failure is their runner's to report). */
  async settled(): Promise<void> {
    while (this.running !== undefined) await this.running.catch(() => undefined);
  }

  /** Called by every read of a global: remembered when checks that may still change it are running. */
  noteGlobalRead(): void {
    if (this.running !== undefined) this.readWhileRunning = true;
  }

  /** Starts watching for global reads (before preparing a request); `readGlobalsEarly()` tells afterwards. */
  watchReads(): void {
    this.readWhileRunning = false;
  }

  /** Whether a global was read while checks were running since `watchReads()`. */
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
