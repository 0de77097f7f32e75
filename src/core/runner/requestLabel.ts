import type { RequestBlock } from '../parser/types';

/** The parts of a request its label is made from. */
export type LabelledRequest = Pick<RequestBlock, 'method' | 'url' | 'name' | 'title'>;

/** A request's own name: its `# @name`, else its `###` title (trimmed); undefined when it has neither. */
export function requestName(request: Pick<RequestBlock, 'name' | 'title'>): string | undefined {
  return request.name || request.title?.trim() || undefined;
}

/**
 * The one label of a request, wherever it is shown (CLI heading, response panel, history, outline, test
 * reports): its `# @name`, else its `###` title, else `METHOD URL` as written.
 */
export function requestLabel(request: LabelledRequest): string {
  return requestName(request) ?? `${request.method} ${request.url}`;
}
