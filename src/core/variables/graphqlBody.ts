import { HttpSessionError } from '../errors';

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
