import { HttpSessionError } from '../errors';
import type { Exchange } from '../http/types';
import type { RequestBlock } from '../parser/types';
import { mergeHeaders } from '../session/mergeHeaders';
import { sendWithSession } from '../session/sendWithSession';
import type { Session } from '../session/session';
import { buildRequest } from '../variables/buildRequest';
import { createResolver } from '../variables/createResolver';
import type { Resolver } from '../variables/types';
import { afterResponseChecks, preRequestChecks, scriptSetting } from '../testing/requestTests';
import { noResponseTests } from '../testing/responseChecks';
import type { ScriptSetting } from '../testing/runScripts';
import { askPrompts } from './askPrompts';
import { confirmNote } from './confirmNote';
import { namedResponseFrom } from './namedResponseFrom';
import { requestOptions } from './requestOptions';
import { sessionNameFor } from './sessionNameFor';
import { sessionStatements } from './sessionStatements';
import { settingsHeaders } from './settingsHeaders';
import type { RunContext, RunResult } from './types';
import { variableSourcesFor } from './variableSourcesFor';

/**
 * Sends one request of a file through its session (session.md): a `# @note` confirmed, prompts asked, the prologue's statements
 * applied to the session, the request resolved and merged with the session's defaults and cookies, redirects
 * followed; on a status below 400 the request's own statements applied; `# @name` responses kept.
 * Never throws: an input error returns `error` with nothing sent; a network failure returns `exchange.error`.
 * The session's listeners hear of it once, after the request, and only when something in the session changed.
 */
export function runRequest(ctx: RunContext, block: RequestBlock): Promise<RunResult> {
  return ctx.sessions.batch(() => sendInSession(ctx, block));
}

async function sendInSession(ctx: RunContext, block: RequestBlock): Promise<RunResult> {
  const sessionName = sessionNameFor(ctx.file, block);
  const result: RunResult = { request: block, filePath: ctx.filePath, sessionName, warnings: [], tests: [], logs: [] };
  const session = ctx.sessions.get(sessionName);
  let resolver: Resolver;
  let exchange: Exchange;
  let setting: ScriptSetting;
  try {
    if (ctx.signal?.aborted) throw new HttpSessionError('CANCELLED', 'The request was cancelled before it was sent.');
    await confirmNote(block, ctx.filePath, ctx.confirm);
    const prompts = await askPrompts(block, ctx.filePath, ctx.prompt);
    const sources = variableSourcesFor(ctx, session, prompts);
    resolver = createResolver(sources);
    setting = scriptSetting(session, sources, ctx.scriptLimits);
    // Pre-request stage: scripts run before the request's {{…}} are resolved (request.variables feed them).
    const pre = await preRequestChecks(block, setting, resolver);
    result.tests.push(...pre.tests);
    result.logs.push(...pre.logs);
    const prologue = sessionStatements(ctx.file.prologue, resolver, ctx.filePath);
    const request = await buildRequest(block, resolver, sources);
    const options = requestOptions(block, ctx.settings, ctx.filePath, ctx.signal);
    const settings = settingsHeaders(ctx.settings.defaultHeaders, resolver, block.requestLine);
    // Prologue statements run before every send of the file, like s.headers.update(...) in Python.
    for (const statement of prologue) session.setDefaultHeader(statement.name, statement.value);
    const headers = mergeHeaders(request.headers, { settings, session: session.defaultHeaders.toList(), omit: options.omitHeaders });
    exchange = await sendWithSession(session, { ...request, headers }, options.send);
  } catch (error) {
    result.error = asSessionError(error);
    result.tests.push(...noResponseTests(block, ctx.filePath, result.error.message));
    return result;
  }
  result.exchange = exchange;
  if (exchange.error) result.error = exchange.error;
  afterResponse(session, block, exchange, resolver, ctx.filePath, result.warnings);
  // After-response stage: handlers (globals go into the session), then ?? lines, then the implicit test.
  const post = await afterResponseChecks(block, exchange, setting, resolver);
  result.tests.push(...post.tests);
  result.logs.push(...post.logs);
  return result;
}

/** Keeps a named response, then applies the request's own statements on a status below 400; collects warnings. */
function afterResponse(session: Session, block: RequestBlock, exchange: Exchange, resolver: Resolver, file: string, warnings: string[]): void {
  for (const rejected of exchange.cookies.rejected) {
    warnings.push(`Cookie rejected: "${rejected.header}" from ${rejected.url}: ${rejected.reason}.`);
  }
  const response = exchange.response;
  if (!response) return;
  if (response.truncated) warnings.push(`The response body was cut at ${response.body.length} bytes (the size cap); the rest was not read.`);
  const named = block.name ? namedResponseFrom(exchange) : undefined;
  if (block.name && named) {
    session.setNamedResponse(block.name, named);
    if (session.namedResponses.get(block.name)?.truncated && !response.truncated) {
      warnings.push(`The response kept as ${block.name} was cut to 1 MB; a reference into the rest is an error.`);
    }
  }
  if (response.status >= 400) return;
  try {
    // Resolved only now, so `{{login.response.body.$.token}}` reads the response just stored.
    for (const statement of sessionStatements(block.directives, resolver, file)) session.setDefaultHeader(statement.name, statement.value);
  } catch (error) {
    warnings.push(`A session statement was not applied: ${asSessionError(error).describe()}`);
  }
}

function asSessionError(error: unknown): HttpSessionError {
  if (error instanceof HttpSessionError) return error;
  return new HttpSessionError('UNKNOWN', error instanceof Error ? error.message : String(error), undefined, error);
}
