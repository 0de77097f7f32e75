import { getAll } from '../http/headerList';
import { parseCookiePairs, withCookieHeader } from '../session/cookiePairs';
import { DefaultHeaders } from '../session/defaultHeaders';
import { mergeHeaders } from '../session/mergeHeaders';
import { createResolver } from '../variables/createResolver';
import { confirmNote } from './confirmNote';
import type { PrepareStage, RequestDraft } from './pipelineTypes';
import { requestOptions } from './requestOptions';
import { sessionStatements } from './sessionStatements';
import { settingsHeaders } from './settingsHeaders';

/** `# @note`: asks before the request is sent (not for Copy as cURL, which sends nothing). */
export const confirmStage: PrepareStage = {
  name: 'confirm',
  onlyWhenSending: true,
  run: ({ source, ctx }) => confirmNote(source.block, source.filePath, ctx.confirm),
};

/** `# @prompt` answers asked; the variable sources and the resolver every later stage reads. */
export const variablesStage: PrepareStage = {
  name: 'variables',
  async run(draft) {
    draft.sources = await draft.source.variables(draft.session);
    draft.resolver = createResolver(draft.sources);
  },
};

/** The prologue's session statements resolved, and the session's default headers as they will be once applied. */
export const prologueStage: PrepareStage = {
  name: 'prologue',
  run(draft) {
    const statements = sessionStatements(draft.source.prologue, need(draft, 'resolver'), draft.source.filePath);
    // A copy, so preparing never changes the session: the send step applies the statements for real.
    const copy = new DefaultHeaders();
    for (const [name, value] of draft.session.defaultHeaders.toList()) copy.set(name, value);
    for (const statement of statements) if (statement.kind !== 'param') copy.set(statement.name, statement.value);
    draft.prologue = statements;
    draft.sessionHeaders = copy.toList();
  },
};

/** The request's own URL, headers and body, resolved (or, for a stored request, as stored). */
export const buildStage: PrepareStage = {
  name: 'build',
  async run(draft) {
    draft.request = await draft.source.build(need(draft, 'resolver'), need(draft, 'sources'));
  },
};

/** What the request's directives change about the send: redirects, timeout, TLS, jar, omitted defaults. */
export const optionsStage: PrepareStage = {
  name: 'options',
  run(draft) {
    draft.options = requestOptions(draft.source.block, draft.ctx.settings, draft.source.filePath, draft.ctx.signal);
  },
};

/** Default headers merged under the request's own: settings < session (prologue applied) < the request. */
export const headersStage: PrepareStage = {
  name: 'headers',
  run(draft) {
    const request = need(draft, 'request');
    const settings = settingsHeaders(draft.ctx.settings.defaultHeaders, need(draft, 'resolver'), draft.source.block.requestLine);
    const layers = { settings, session: need(draft, 'sessionHeaders'), omit: need(draft, 'options').omitHeaders };
    draft.request = { ...request, headers: mergeHeaders(request.headers, layers) };
  },
};

/** The first hop as it goes out: the jar's cookies for the URL merged with the request's own Cookie. */
export const cookiesStage: PrepareStage = {
  name: 'cookies',
  async run(draft) {
    const request = need(draft, 'request');
    const own = parseCookiePairs(getAll(request.headers, 'cookie'));
    const pairs = await draft.session.cookiePairsToSend(request.url, own, need(draft, 'options').send.useCookieJar !== false);
    draft.asSent = withCookieHeader(request, pairs);
    draft.firstHopCookies = pairs;
  },
};

/** A draft's field that an earlier stage sets; a stage list in the wrong order fails here, by name. */
export function need<K extends keyof RequestDraft>(draft: RequestDraft, key: K): NonNullable<RequestDraft[K]> {
  const value = draft[key];
  if (value === undefined || value === null) throw new Error(`Request pipeline: '${String(key)}' is read before the stage that sets it ran.`);
  return value;
}
