import type { ServerResponse } from 'node:http';
import type { DemoRequest } from './requestInfo';
import { parseWholeNumber, sendJson } from './respond';

/** Failures before a success when `?fail=` is not given. */
export const DEFAULT_FLAKY_FAILURES = 2;
/** Keys counted at most; the oldest go first, so a long-running demo server stays small. */
const MAX_KEYS = 1000;

/** `/flaky/KEY`: an endpoint that fails a few times, for trying `# @retry N` and `--retries N`. */
export interface FlakyRoutes {
  /** Answers `/flaky/KEY[?fail=N]` and `/flaky/KEY/reset`; false for any other path. */
  handle(request: DemoRequest, res: ServerResponse): boolean;
}

/**
 * `GET /flaky/KEY?fail=N` answers `503` to the first N tries (default 2) and `200` to the next, then starts
 * over, so every retried send shows the same tries. KEY keeps clients (or sessions) apart; `POST
 * /flaky/KEY/reset` starts KEY over.
 */
export function createFlakyRoutes(): FlakyRoutes {
  const tries = new Map<string, number>();
  const handle = (request: DemoRequest, res: ServerResponse): boolean => {
    const match = /^\/flaky\/([^/]+)(\/reset)?$/.exec(request.url.pathname);
    if (!match) return false;
    const key = decodeURIComponent(match[1]);
    if (match[2]) {
      tries.delete(key);
      sendJson(res, 200, { key, reset: true });
      return true;
    }
    const failures = parseWholeNumber(request.url.searchParams.get('fail')) ?? DEFAULT_FLAKY_FAILURES;
    if (failures > 10) {
      sendJson(res, 400, { error: 'fail must be 0 to 10' });
      return true;
    }
    const attempt = (tries.get(key) ?? 0) + 1;
    tries.delete(key);
    if (attempt <= failures) {
      tries.set(key, attempt);
      if (tries.size > MAX_KEYS) tries.delete(tries.keys().next().value as string);
      sendJson(res, 503, { key, try: attempt, failures, hint: `fails ${failures} times, then answers: retry it (# @retry ${failures})` });
      return true;
    }
    sendJson(res, 200, { key, try: attempt, ok: true });
    return true;
  };
  return { handle };
}
