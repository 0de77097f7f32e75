import type { RequestBlock } from '../parser/types';
import { warmUpSandbox } from '../scripts/runIsolated';
import { fileRequestSource } from './fileRequestSource';
import { sendSource } from './runSource';
import { TrailingChecks, mayTrail } from './trailingChecks';
import type { RunContext, RunResult } from './types';

/**
 * Sends `blocks` in order through the request pipeline and returns every result. Stops after the first request
 * that got no response (but for one a failed pre-request script kept back: that is a failed test, the run goes
 * on); what the session gathered up to then stays in it.
 */
export async function runFile(ctx: RunContext, blocks: RequestBlock[], onResult?: (result: RunResult) => void): Promise<RunResult[]> {
  const results: RunResult[] = [];
  await runEach(ctx, blocks, (result) => {
    results.push(result);
    onResult?.(result);
  });
  return results;
}

/**
 * runFile without keeping the results: each is handed to `onResult`, in order, once its checks are done, and
 * then let go, so a run of thousands of requests (the CLI's) does not hold every response body until its end.
 * A request's checks (a response handler in the sandbox's worker, `??` lines) run while the next requests are
 * prepared and sent, when those may go out without them (TrailingChecks, mayTrail), up to CHECKS_AHEAD: the
 * run then costs about the longer of the two rather than their sum, and the sandbox's start (~50 ms) holds
 * nothing up. Checks run one at a time, in order.
 */
export async function runEach(ctx: RunContext, blocks: RequestBlock[], onResult: (result: RunResult) => void): Promise<void> {
  const trailing = new TrailingChecks();
  const askPassphrase = ctx.askPassphrase;
  const run: RunContext = {
    ...ctx,
    trailing,
    // A passphrase question comes after the results printed before it.
    ...(askPassphrase ? { askPassphrase: async (...args: Parameters<typeof askPassphrase>) => { await trailing.settled(); return askPassphrase(...args); } } : {}),
  };
  const fileParts = [ctx.file.prologue, ctx.file.variables];
  if (blocks.some((b) => b.preRequestScripts?.length || b.responseHandlers?.length)) warmUpSandbox();
  let previous: Promise<void> = Promise.resolve();
  for (const block of blocks) {
    if (!mayTrail(block, fileParts)) await previous;
    else await trailing.room();
    const sent = await sendSource(fileRequestSource(run, block), run);
    const { result } = sent;
    // After the checks before: a script's globals are set in request order, and results are reported in order.
    previous = trailing.queue(() => sent.checks().then(() => onResult(result)), result.exchange?.response?.body.length ?? 0);
    const heldBack = result.error?.code === 'SCRIPT';
    if (!result.exchange?.response && !heldBack) break;
  }
  await previous;
}
