import type { RequestBlock } from '../parser/types';
import { runRequest } from './runRequest';
import type { RunContext, RunResult } from './types';

/**
 * Sends `blocks` in order through runRequest and returns every result. Stops after the first request that
 * got no response (but for one a failed pre-request script kept back: that is a failed test, the run goes
 * on), or when `onResult` returns false; what the session gathered up to then stays in it.
 */
export async function runFile(
  ctx: RunContext,
  blocks: RequestBlock[],
  onResult?: (result: RunResult) => boolean | void,
): Promise<RunResult[]> {
  const results: RunResult[] = [];
  await runEach(ctx, blocks, (result) => {
    results.push(result);
    return onResult?.(result);
  });
  return results;
}

/**
 * runFile without keeping the results: each is handed to `onResult` and then let go, so a run of thousands of
 * requests (the CLI's) does not hold every response body until its end.
 */
export async function runEach(ctx: RunContext, blocks: RequestBlock[], onResult: (result: RunResult) => boolean | void): Promise<void> {
  for (const block of blocks) {
    const result = await runRequest(ctx, block);
    const goOn = onResult(result);
    const heldBack = result.error?.code === 'SCRIPT';
    if ((!result.exchange?.response && !heldBack) || goOn === false) break;
  }
}
