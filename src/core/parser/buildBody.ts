import { firstNonSpace } from './firstNonSpace';
import { isCommentLine } from './lineShapes';
import { parseFileReference } from './parseFileReference';
import type { BodyPart, RequestBody } from './types';

/**
 * Builds the body from lines [start, end) as written, without its leading and trailing blank lines and without
 * its comment lines (`#…`, `//…`). Returns undefined when nothing but blank and comment lines is left.
 */
export function buildBody(lines: readonly string[], start: number, end: number): RequestBody | undefined {
  let first = start;
  while (first < end && isSkipped(lines[first])) first++;
  let last = end - 1;
  while (last >= first && isSkipped(lines[last])) last--;
  if (last < first) return undefined;
  const parts: BodyPart[] = [];
  let textStart = -1;
  for (let i = first; i <= last; i++) {
    const line = lines[i];
    const file = parseFileReference(line, i);
    const comment = file === undefined && isComment(line);
    if (file === undefined && !comment) {
      if (textStart < 0) textStart = i;
      continue;
    }
    // A part is a run of consecutive lines, so a comment ends the text part before it.
    if (textStart >= 0) parts.push(textPart(lines, textStart, i));
    textStart = -1;
    if (file !== undefined) parts.push(file);
  }
  if (textStart >= 0) parts.push(textPart(lines, textStart, last + 1));
  return { parts, startLine: first, endLine: last };
}

function textPart(lines: readonly string[], start: number, end: number): BodyPart {
  return { kind: 'text', text: lines.slice(start, end).join('\n'), line: start };
}

function isComment(line: string): boolean {
  const at = firstNonSpace(line);
  return at < line.length && isCommentLine(line, at);
}

function isSkipped(line: string): boolean {
  const at = firstNonSpace(line);
  return at === line.length || isCommentLine(line, at);
}
