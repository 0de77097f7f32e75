import type { HeaderList } from '../http/types';

/** A request to write as `.http` text. */
export interface RequestText {
  method: string;
  url: string;
  headers: HeaderList;
  /** Body lines as they go in the file ('' = none). */
  body?: string;
  /** Directive lines without the `# @` (e.g. `insecure`, `timeout 5s`). */
  directives?: string[];
  /** Plain comment lines without the `# `. */
  comments?: string[];
}

/**
 * The request as one `.http` block: comments, directives, request line, headers, a blank line and the body.
 * No `###` separator and no trailing newline; line breaks in comments and header values become spaces.
 */
export function formatRequestBlock(request: RequestText): string {
  const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ');
  const lines = [
    ...(request.comments ?? []).map((comment) => `# ${oneLine(comment)}`),
    ...(request.directives ?? []).map((directive) => `# @${oneLine(directive)}`),
    `${request.method} ${request.url.replace(/\s/g, encodeURIComponent)}`,
    ...request.headers.map(([name, value]) => `${name}: ${oneLine(value)}`),
  ];
  if (request.body) lines.push('', request.body.replace(/\r\n/g, '\n'));
  return lines.join('\n');
}
