import { requestAtLine } from './requestAtLine';
import type { Diagnostic, HttpFile, RequestBlock } from './types';

/**
 * The first error diagnostic that stops each of `chosen` from being sent: one on a line of its block, or one
 * above the first request (the prologue, which affects every request). Requests without one are not in the map.
 */
export function requestErrors(file: HttpFile, chosen: readonly RequestBlock[]): Map<RequestBlock, Diagnostic> {
  const wanted = new Set(chosen);
  const firstRequestLine = file.requests[0]?.range.startLine ?? Number.POSITIVE_INFINITY;
  const errors = new Map<RequestBlock, Diagnostic>();
  for (const d of file.diagnostics) {
    if (d.severity !== 'error') continue;
    if (d.line < firstRequestLine) {
      for (const request of chosen) if (!errors.has(request)) errors.set(request, d);
      continue;
    }
    const request = requestAtLine(file, d.line);
    if (request !== undefined && wanted.has(request) && !errors.has(request)) errors.set(request, d);
  }
  return errors;
}
