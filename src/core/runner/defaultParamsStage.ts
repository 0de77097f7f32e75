import type { PrepareStage } from './pipelineTypes';
import { need } from './prepareStages';

/**
 * The session's default query parameters (`# @session-param`, like `s.params`; the prologue's statements
 * counted as applied) added to the URL; a parameter the request's own URL already has wins, as with headers.
 */
export const defaultParamsStage: PrepareStage = {
  name: 'default-params',
  run(draft) {
    const params = new Map(draft.session.defaultParams);
    for (const statement of need(draft, 'prologue')) if (statement.kind === 'param') params.set(statement.name, statement.value);
    if (params.size === 0) return;
    const request = need(draft, 'request');
    const url = new URL(request.url);
    const added = [...params].filter(([name]) => !url.searchParams.has(name))
      .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    if (added.length === 0) return;
    // Appended as text so the request's own query keeps its exact encoding.
    url.search = [url.search.slice(1), ...added].filter(Boolean).join('&');
    draft.request = { ...request, url: url.toString() };
  },
};
