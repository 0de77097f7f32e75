import { firstNonSpace } from './firstNonSpace';
import { parseFileReference } from './parseFileReference';
import type { BodyPart, RequestBody } from './types';

/**
 * Builds the body from lines [start, end) as written, without its leading and trailing blank lines.
 * Returns undefined when nothing but blank lines is left.
 */
export function buildBody(lines: readonly string[], start: number, end: number): RequestBody | undefined {
  let first = start;
  while (first < end && isBlank(lines[first])) first++;
  let last = end - 1;
  while (last >= first && isBlank(lines[last])) last--;
  if (last < first) return undefined;
  const parts: BodyPart[] = [];
  let textStart = -1;
  for (let i = first; i <= last; i++) {
    const file = parseFileReference(lines[i], i);
    if (file === undefined) {
      if (textStart < 0) textStart = i;
      continue;
    }
    if (textStart >= 0) parts.push(textPart(lines, textStart, i));
    textStart = -1;
    parts.push(file);
  }
  if (textStart >= 0) parts.push(textPart(lines, textStart, last + 1));
  return { parts, startLine: first, endLine: last };
}

function textPart(lines: readonly string[], start: number, end: number): BodyPart {
  return { kind: 'text', text: lines.slice(start, end).join('\n'), line: start };
}

function isBlank(line: string): boolean {
  return firstNonSpace(line) === line.length;
}
