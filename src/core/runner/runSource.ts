import { HttpSessionError } from '../errors';
import type { Exchange } from '../http/types';
import { notSentTests } from '../testing/testStages';
import { asSessionError } from './afterResponseStages';
import type { PipelineContext, PreparedRequest, RequestSource } from './pipelineTypes';
import { afterResponse, prepareRequest, sendPrepared } from './requestPipeline';
import type { RunResult } from './types';

/**
 * Sends one request from `source` through the request pipeline (requestPipeline.ts): prepared, sent,
 * followed up. Never throws: an input error returns `error` with nothing sent (and the request's tests
 * failed); a network failure returns `exchange.error`. The session's listeners hear of it once, after the
 * request, and only when something in the session changed.
 */
export function runSource(source: RequestSource, ctx: PipelineContext): Promise<RunResult> {
  return ctx.sessions.batch(() => runInSession(source, ctx));
}

async function runInSession(source: RequestSource, ctx: PipelineContext): Promise<RunResult> {
  const result: RunResult = { request: source.block, filePath: source.filePath, sessionName: source.sessionName, warnings: [], tests: [], logs: [] };
  let prepared: PreparedRequest;
  let exchange: Exchange;
  try {
    if (ctx.signal?.aborted) throw new HttpSessionError('CANCELLED', 'The request was cancelled before it was sent.');
    prepared = await prepareRequest(source, ctx, { sending: true, report: result, runRef: runSource });
    exchange = await sendPrepared(prepared);
  } catch (error) {
    result.error = asSessionError(error);
    notSentTests(source, result.error, result);
    return result;
  }
  result.exchange = exchange;
  if (exchange.error) result.error = exchange.error;
  await afterResponse({ prepared, exchange, report: result });
  return result;
}
