import { HttpSessionError } from '../errors';
import type { HttpFile, RequestBlock } from '../parser/types';
import type { PipelineContext, RequestSource } from '../runner/pipelineTypes';
import { variableSourcesFor } from '../runner/variableSourcesFor';
import { DEFAULT_SESSION } from '../session/sessionStore';
import type { HistoryEntry } from './historyEntry';
import { storedOutgoingRequest } from './storedOutgoingRequest';

const NO_FILE: HttpFile = { prologue: [], variables: [], requests: [], diagnostics: [] };

/**
 * A history entry as a pipeline source, for when its `.http` file or request is gone: exactly what was
 * stored (see storedOutgoingRequest; no `{{…}}` expanded, no `< path` made from text), in the session it
 * was sent in, named by a block that carries only its method, URL, headers, line and label. A header that
 * carried an OAuth2 token gets it from the session again (see authHeaderTemplates). An entry that
 * kept no request or no body, or whose URL is no URL, is an error at the build stage.
 */
export function storedRequestSource(ctx: PipelineContext, entry: HistoryEntry): RequestSource {
  return {
    block: entryBlock(entry),
    filePath: entry.file,
    sessionName: entry.session ?? DEFAULT_SESSION,
    prologue: [],
    hasTests: false,
    // Only the settings' default headers and the OAuth2 header templates are resolved; the stored text never is.
    variables: async (session) => variableSourcesFor({ ...ctx, filePath: entry.file, file: NO_FILE }, session, {}),
    async build(resolver) {
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
      // The token comes from the session again (the oauth stage fetched or refreshed it), never from the history.
      for (const [name, template] of stored.authHeaders ?? []) request.headers.push([name, resolver.expand(template, entry.line)]);
      return request;
    },
  };
}

/** The entry as a request block that only names it (method, URL, headers, line, label): no body, no directives, no name. */
function entryBlock(entry: HistoryEntry): RequestBlock {
  return {
    method: entry.request?.method ?? entry.method,
    url: entry.request?.url ?? entry.url,
    // The OAuth2 header templates are part of the block, so the oauth stage sees which tokens it needs.
    headers: [...(entry.request?.headers ?? []), ...(entry.request?.authHeaders ?? [])].map(([name, value]) => ({ name, value, line: entry.line })),
    directives: [],
    requestLine: entry.line,
    range: { startLine: entry.line, endLine: entry.line },
    ...(entry.label ? { title: entry.label } : {}),
  };
}
