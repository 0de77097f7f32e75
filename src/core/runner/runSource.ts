import { HttpSessionError } from '../errors';
import type { Exchange } from '../http/types';
import { notSentTests } from '../testing/testStages';
import { asSessionError } from './afterResponseStages';
import type { CompletedRequest, PipelineContext, PreparedRequest, RequestSource } from './pipelineTypes';
import { AFTER_RESPONSE_STAGES, afterResponse, prepareRequest, sendPrepared } from './requestPipeline';
import type { RunResult } from './types';

/** The after-response stages before the checks, and the checks (`tests`, the last stage): see sendSource. */
const CHECKS_AT = AFTER_RESPONSE_STAGES.findIndex((stage) => stage.name === 'tests');
const BEFORE_CHECKS = AFTER_RESPONSE_STAGES.slice(0, CHECKS_AT);
const CHECKS = AFTER_RESPONSE_STAGES.slice(CHECKS_AT);

/**
 * Sends one request from `source` through the request pipeline (requestPipeline.ts): prepared, sent,
 * followed up. Never throws: an input error returns `error` with nothing sent (and the request's tests
 * failed); a network failure returns `exchange.error`. The session's listeners hear of it once, after the
 * request, and only when something in the session changed.
 */
export function runSource(source: RequestSource, ctx: PipelineContext): Promise<RunResult> {
  // One batch around both steps: listeners hear once of the cookies and the globals a handler set.
  return ctx.sessions.batch(async () => {
    const sent = await sendSource(source, ctx);
    await sent.checks();
    return sent.result;
  });
}

/** A request sent and followed up but for its checks: `checks()` runs them (response handlers, `??` lines, the implicit test). */
export interface SentRequest {
  result: RunResult;
  checks(): Promise<void>;
}

/**
 * runSource in two steps, so a runner can send the next request while this one's checks run (runEach): the
 * request prepared, sent and followed up up to its checks; `checks()` adds their tests and logs to `result`.
 * With `ctx.trailing` busy (the checks before still running), a request whose preparing read a global is
 * prepared again once they are done, so it never goes out with a value a script was about to change.
 */
export async function sendSource(source: RequestSource, ctx: PipelineContext): Promise<SentRequest> {
  const sent = await ctx.sessions.batch(() => sendInSession(source, ctx));
  const done = sent.done;
  return {
    result: sent.result,
    checks: done === undefined ? () => Promise.resolve() : () => ctx.sessions.batch(() => afterResponse(done, CHECKS)),
  };
}

async function sendInSession(source: RequestSource, ctx: PipelineContext): Promise<{ result: RunResult; done?: CompletedRequest }> {
  let result = emptyResult(source);
  let prepared: PreparedRequest | undefined;
  let exchange: Exchange;
  const prepare = (report: RunResult): Promise<PreparedRequest> => prepareRequest(source, ctx, { sending: true, report, runRef: runSource });
  const trailing = ctx.trailing;
  try {
    if (ctx.signal?.aborted) throw new HttpSessionError('CANCELLED', 'The request was cancelled before it was sent.');
    trailing?.watchReads();
    try {
      prepared = await prepare(result);
    } catch (error) {
      if (!trailing?.readGlobalsEarly()) throw error;
    }
    if (prepared === undefined || trailing?.readGlobalsEarly()) {
      // Prepared against globals a running script may still change (or set, when one was missing so far): again,
      // into a fresh report, once it is done. Preparing such a request has no other effect (see mayTrail).
      await trailing?.settled();
      result = emptyResult(source);
      prepared = await prepare(result);
    }
    exchange = await sendPrepared(prepared);
  } catch (error) {
    result.error = asSessionError(error);
    notSentTests(source, result.error, result);
    return { result };
  }
  result.exchange = exchange;
  if (exchange.error) result.error = exchange.error;
  const done: CompletedRequest = { prepared, exchange, report: result };
  await afterResponse(done, BEFORE_CHECKS);
  return { result, done };
}

function emptyResult(source: RequestSource): RunResult {
  return { request: source.block, filePath: source.filePath, sessionName: source.sessionName, warnings: [], tests: [], logs: [] };
}
