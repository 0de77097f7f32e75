import { HttpSessionError } from '../errors';
import type { Exchange } from '../http/types';
import type { HttpFile, RequestBlock } from '../parser/types';
import { requestOptions } from '../runner/requestOptions';
import { settingsHeaders } from '../runner/settingsHeaders';
import type { RunContext, RunResult } from '../runner/types';
import { variableSourcesFor } from '../runner/variableSourcesFor';
import { mergeHeaders } from '../session/mergeHeaders';
import { sendWithSession } from '../session/sendWithSession';
import { DEFAULT_SESSION } from '../session/sessionStore';
import { createResolver } from '../variables/createResolver';
import type { HistoryEntry } from './historyEntry';
import { storedOutgoingRequest } from './storedOutgoingRequest';

/** What resendStoredRequest needs: a RunContext without the file, which is gone. */
export type ResendContext = Omit<RunContext, 'file' | 'filePath' | 'prompt' | 'confirm'>;

const NO_FILE: HttpFile = { prologue: [], variables: [], requests: [], diagnostics: [] };

/**
 * Sends a history entry's stored request again, in the session it was sent in, when its `.http` file or
 * request is gone: exactly what was stored (see storedOutgoingRequest; no `{{…}}` expanded, no `< path`
 * made from text), merged with the settings' and session's default headers and cookies as any request is.
 * The result's request names the entry's method, URL, line and label. Never throws: an entry that kept no
 * request or no body is an error with nothing sent. Like runRequest, it tells the session's listeners once, and only of a change.
 */
export function resendStoredRequest(ctx: ResendContext, entry: HistoryEntry): Promise<RunResult> {
  return ctx.sessions.batch(() => resendInSession(ctx, entry));
}

async function resendInSession(ctx: ResendContext, entry: HistoryEntry): Promise<RunResult> {
  const block = entryBlock(entry);
  const sessionName = entry.session ?? DEFAULT_SESSION;
  const result: RunResult = { request: block, filePath: entry.file, sessionName, warnings: [], tests: [], logs: [] };
  const session = ctx.sessions.get(sessionName);
  let exchange: Exchange;
  try {
    if (ctx.signal?.aborted) throw new HttpSessionError('CANCELLED', 'The request was cancelled before it was sent.');
    const stored = entry.request;
    if (!stored) throw new HttpSessionError('UNKNOWN', 'This history entry kept no request (it never went out), so it cannot be sent again.');
    if (stored.bodyOmitted) {
      throw new HttpSessionError('BODY_FILE', 'The body of this request was not kept in the history (binary or too long), so it cannot be sent again.');
    }
    const scope = { filePath: entry.file, restricted: ctx.restricted === true, ...(ctx.workspaceRoot ? { workspaceRoot: ctx.workspaceRoot } : {}) };
    const request = await storedOutgoingRequest(stored, scope, entry.line);
    if (!URL.canParse(request.url)) {
      throw new HttpSessionError('INVALID_URL', `The stored URL '${request.url}' is not a URL; nothing was sent.`);
    }
    // The resolver only reads the settings' default headers, never the stored text.
    const resolver = createResolver(variableSourcesFor({ ...ctx, filePath: entry.file, file: NO_FILE }, session, {}));
    const options = requestOptions(block, ctx.settings, entry.file, ctx.signal);
    const settings = settingsHeaders(ctx.settings.defaultHeaders, resolver, entry.line);
    const headers = mergeHeaders(request.headers, { settings, session: session.defaultHeaders.toList() });
    exchange = await sendWithSession(session, { ...request, headers }, options.send);
  } catch (error) {
    result.error = error instanceof HttpSessionError
      ? error
      : new HttpSessionError('UNKNOWN', error instanceof Error ? error.message : String(error), undefined, error);
    return result;
  }
  result.exchange = exchange;
  if (exchange.error) result.error = exchange.error;
  for (const rejected of exchange.cookies.rejected) {
    result.warnings.push(`Cookie rejected: "${rejected.header}" from ${rejected.url}: ${rejected.reason}.`);
  }
  const response = exchange.response;
  if (response?.truncated) {
    result.warnings.push(`The response body was cut at ${response.body.length} bytes (the size cap); the rest was not read.`);
  }
  return result;
}

/** The entry as a request block that only names it (method, URL, headers, line, label): no body, no directives, no name. */
function entryBlock(entry: HistoryEntry): RequestBlock {
  return {
    method: entry.request?.method ?? entry.method,
    url: entry.request?.url ?? entry.url,
    headers: (entry.request?.headers ?? []).map(([name, value]) => ({ name, value, line: entry.line })),
    directives: [],
    requestLine: entry.line,
    range: { startLine: entry.line, endLine: entry.line },
    ...(entry.label ? { title: entry.label } : {}),
  };
}
