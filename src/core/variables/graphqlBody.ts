import { HttpSessionError } from '../errors';
import type { RequestBody } from '../parser/types';

/**
 * REST Client's GraphQL body: the query up to the first blank line, then optional JSON variables, sent as
 * `{"query": …, "variables": …}`. Bad variables JSON is a PARSE error naming the line (`firstLine` 0-based).
 */
export function graphqlBody(text: string, firstLine: number, file?: string): string {
  const lines = text.split(/\r?\n/);
  const blank = lines.findIndex((line) => line.trim() === '');
  const query = (blank < 0 ? lines : lines.slice(0, blank)).join('\n').trim();
  const variablesText = blank < 0 ? '' : lines.slice(blank + 1).join('\n').trim();
  if (variablesText === '') return JSON.stringify({ query });
  try {
    return JSON.stringify({ query, variables: JSON.parse(variablesText) as unknown });
  } catch (error) {
    const line = firstLine + blank + 1;
    throw new HttpSessionError('PARSE', `GraphQL variables starting on line ${line + 1} are not valid JSON: ${(error as Error).message}`, { file, line }, error);
  }
}

const OPERATION = /^\s*(?:query|mutation|subscription|fragment)(?=[\s{(]|$)/;

/**
 * True when a body reads as a GraphQL document (its first word `query`, `mutation`, `subscription` or
 * `fragment`): httpYac sends such a body as GraphQL without a GRAPHQL method or X-Request-Type.
 */
export function looksLikeGraphqlBody(body: RequestBody | undefined): boolean {
  const first = body?.parts[0];
  return first?.kind === 'text' && OPERATION.test(first.text);
}
