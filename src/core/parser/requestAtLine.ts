import type { HttpFile, RequestBlock } from './types';

/**
 * The request a 0-based `line` belongs to: the one whose block holds the line (its comments, directives,
 * body and the blank lines after it), or the one a `###` separator line opens. Undefined elsewhere,
 * e.g. in the prologue or a block with no request line.
 */
export function requestAtLine(file: HttpFile, line: number): RequestBlock | undefined {
  const requests = file.requests;
  let lo = 0;
  let hi = requests.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (requests[mid].range.startLine <= line) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  const next = requests[found + 1];
  // A block after a `###` starts right after it; one written without `###` starts where the one before ends.
  const before = found >= 0 ? requests[found] : undefined;
  const separator = next !== undefined && next.range.startLine - 1 === line && (before === undefined || (before.blockEndLine ?? before.range.endLine) < line);
  if (next !== undefined && next.range.startLine > 0 && separator) return next;
  if (found < 0) return undefined;
  const request = requests[found];
  return line <= (request.blockEndLine ?? request.range.endLine) ? request : undefined;
}
