import type { PipelineContext } from '../runner/pipelineTypes';
import { runSource } from '../runner/runSource';
import type { RunResult } from '../runner/types';
import type { HistoryEntry } from './historyEntry';
import { storedRequestSource } from './storedRequestSource';

/** What resendStoredRequest needs: a RunContext without the file, which is gone. */
export type ResendContext = Omit<PipelineContext, 'prompt' | 'confirm'>;

/**
 * Sends a history entry's stored request again, in the session it was sent in, when its `.http` file or
 * request is gone: exactly what was stored (see storedRequestSource), through the same request pipeline as
 * any request (requestPipeline.ts), so it is merged with the settings' and session's default headers and
 * cookies. The result's request names the entry's method, URL, line and label. Never throws: an entry that
 * kept no request or no body is an error with nothing sent.
 */
export function resendStoredRequest(ctx: ResendContext, entry: HistoryEntry): Promise<RunResult> {
  return runSource(storedRequestSource(ctx, entry), ctx);
}
