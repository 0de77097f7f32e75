import { getAll, removeHeader } from '../http/headerList';
import type { HeaderList, OutgoingRequest } from '../http/types';
import type { RequestBlock } from '../parser/types';
import { askPrompts } from '../runner/askPrompts';
import { requestOptions } from '../runner/requestOptions';
import { sessionNameFor } from '../runner/sessionNameFor';
import { sessionStatements } from '../runner/sessionStatements';
import { settingsHeaders } from '../runner/settingsHeaders';
import type { RunContext } from '../runner/types';
import { variableSourcesFor } from '../runner/variableSourcesFor';
import { formatCookieHeader, mergeCookiePairs, parseCookiePairs } from '../session/cookiePairs';
import { mergeHeaders } from '../session/mergeHeaders';
import { buildRequest } from '../variables/buildRequest';
import { createResolver } from '../variables/createResolver';

/**
 * The first hop of `block` exactly as runRequest would send it now, without sending it or changing the
 * session: prompts asked, variables resolved, default headers merged (settings < session < the prologue's
 * statements < the request's own), the jar's cookies for the URL merged with the request's own Cookie.
 * Throws HttpSessionError for input errors (unresolved variable, bad header, unreadable body file, CANCELLED).
 */
export async function requestAsSent(ctx: RunContext, block: RequestBlock): Promise<OutgoingRequest> {
  const session = ctx.sessions.get(sessionNameFor(ctx.file, block));
  const prompts = await askPrompts(block, ctx.filePath, ctx.prompt);
  const sources = variableSourcesFor(ctx, session, prompts);
  const resolver = createResolver(sources);
  const prologue = sessionStatements(ctx.file.prologue, resolver, ctx.filePath);
  const request = await buildRequest(block, resolver, sources);
  const options = requestOptions(block, ctx.settings, ctx.filePath);
  const settings = settingsHeaders(ctx.settings.defaultHeaders, resolver, block.requestLine);
  // The prologue's statements would be applied to the session before sending; here only to a copy.
  let sessionHeaders: HeaderList = session.defaultHeaders.toList();
  for (const statement of prologue) sessionHeaders = [...removeHeader(sessionHeaders, statement.name), [statement.name, statement.value]];
  const headers = mergeHeaders(request.headers, { settings, session: sessionHeaders, omit: options.omitHeaders });
  const jar = options.send.useCookieJar === false ? [] : await session.cookiesFor(request.url);
  const pairs = mergeCookiePairs(jar, parseCookiePairs(getAll(headers, 'cookie')));
  const withoutCookie = removeHeader(headers, 'cookie');
  return { ...request, headers: pairs.length ? [...withoutCookie, ['Cookie', formatCookieHeader(pairs)]] : withoutCookie };
}
