import type { RequestBlock } from '../parser/types';
import { runRequest } from './runRequest';
import type { RunContext, RunResult } from './types';

/**
 * Sends `blocks` in order through runRequest. Stops after the first request that got no response, or when
 * `onResult` returns false; what the session gathered up to then stays in it.
 */
export async function runFile(
  ctx: RunContext,
  blocks: RequestBlock[],
  onResult?: (result: RunResult) => boolean | void,
): Promise<RunResult[]> {
  const results: RunResult[] = [];
  for (const block of blocks) {
    const result = await runRequest(ctx, block);
    results.push(result);
    const goOn = onResult?.(result);
    if (!result.exchange?.response || goOn === false) break;
  }
  return results;
}
