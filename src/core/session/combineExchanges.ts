import type { Exchange } from '../http/types';

/**
 * One exchange from two sent one after the other for the same request (an answer to a 401 challenge, a
 * retry): every hop in order, the cookies sent first, everything stored, the later response or error, and
 * the total time of both.
 */
export function combineExchanges(first: Exchange, second: Exchange): Exchange {
  return {
    ...second,
    hops: [...first.hops, ...second.hops],
    cookies: {
      sent: first.hops.length > 0 ? first.cookies.sent : second.cookies.sent,
      stored: [...first.cookies.stored, ...second.cookies.stored],
      rejected: [...first.cookies.rejected, ...second.cookies.rejected],
    },
    timings: { ...second.timings, totalMs: first.timings.totalMs + second.timings.totalMs },
  };
}
