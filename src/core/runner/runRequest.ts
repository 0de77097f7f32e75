import type { RequestBlock } from '../parser/types';
import { fileRequestSource } from './fileRequestSource';
import { runSource } from './runSource';
import type { RunContext, RunResult } from './types';

/**
 * Sends one request of a file through its session (session.md) by the request pipeline
 * (requestPipeline.ts): a `# @note` confirmed, prompts asked, the request resolved and merged with the
 * session's defaults and cookies, the prologue's statements applied to the session, redirects followed; on
 * a status below 400 the request's own statements applied; `# @name` responses kept.
 * Never throws: an input error returns `error` with nothing sent; a network failure returns `exchange.error`.
 */
export function runRequest(ctx: RunContext, block: RequestBlock): Promise<RunResult> {
  return runSource(fileRequestSource(ctx, block), ctx);
}
