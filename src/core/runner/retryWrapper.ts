import { getHeader } from '../http/headerList';
import type { ErrorCode } from '../errors';
import type { Exchange, TryTiming } from '../http/types';
import { combineExchanges } from '../session/combineExchanges';
import type { SendWrapper } from './pipelineTypes';

/** Methods retried (urllib3 Retry's default allowed_methods): sending them twice does no more than once. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'TRACE']);
/** Statuses that say "try again" from a gateway or an overloaded server. */
const RETRY_STATUSES = new Set([502, 503, 504]);
/** Failures where no response came and another try may get one (not TLS, a bad URL or a cancel). */
const NO_RESPONSE = new Set<ErrorCode>(['REFUSED', 'RESET', 'TIMEOUT', 'DNS']);
/** The longest wait between tries, in ms, whatever Retry-After asks. */
const MAX_WAIT_MS = 30_000;

/**
 * `# @retry N` / `httpSession.request.retries`: an idempotent request that got no response, or a 502, 503 or
 * 504, is sent again up to N times, waiting backoff × 2^(try − 1) ms (or the server's Retry-After, when
 * longer) between tries. Every try stays in the exchange: its hops, and one TryTiming each in the timings.
 */
export const retryWrapper: SendWrapper = {
  name: 'retry',
  wrap: (next) => async (request, prepared) => {
    const { count, backoffMs } = prepared.options.retry;
    const signal = prepared.options.send.signal;
    let exchange = await next(request, prepared);
    if (count === 0 || !IDEMPOTENT.has(request.method.toUpperCase())) return exchange;
    const tries: TryTiming[] = [tryTiming(exchange, 0)];
    for (let attempt = 1; attempt <= count && shouldRetry(exchange) && !signal?.aborted; attempt += 1) {
      const waitMs = Math.min(MAX_WAIT_MS, Math.max(backoffMs * 2 ** (attempt - 1), retryAfterMs(exchange)));
      if (!(await wait(waitMs, signal))) break;
      const again = await next(request, prepared);
      tries.push(tryTiming(again, waitMs));
      exchange = combineExchanges(exchange, again);
      exchange.timings.totalMs += waitMs;
    }
    exchange.timings.tries = tries;
    return exchange;
  },
};

function shouldRetry(exchange: Exchange): boolean {
  if (exchange.response) return RETRY_STATUSES.has(exchange.response.status);
  return exchange.error !== undefined && NO_RESPONSE.has(exchange.error.code);
}

function tryTiming(exchange: Exchange, waitedMs: number): TryTiming {
  const outcome = exchange.response ? String(exchange.response.status) : exchange.error?.code ?? 'no response';
  return { outcome, ms: exchange.timings.totalMs, waitedMs };
}

/** Retry-After in ms (seconds or an HTTP date), 0 when absent or unreadable. */
function retryAfterMs(exchange: Exchange): number {
  const value = exchange.response ? getHeader(exchange.response.headers, 'retry-after') : undefined;
  if (value === undefined) return 0;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? 0 : Math.max(0, at - Date.now());
}

/** Waits `ms`; false when `signal` aborted first. */
function wait(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean): void => { clearTimeout(timer); signal?.removeEventListener('abort', onAbort); resolve(ok); };
    const onAbort = (): void => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
