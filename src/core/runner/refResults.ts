import { requestLabel } from './requestLabel';
import type { RunResult } from './types';

/** `result` and the refs it sent first, in the order they were sent: each ref's own refs before it, `result` last. */
export function withRefs(result: RunResult): RunResult[] {
  const all: RunResult[] = [];
  const add = (r: RunResult): void => {
    for (const ref of r.refs ?? []) add(ref);
    all.push(r);
  };
  add(result);
  return all;
}

/** One line per ref sent before `result` (for the response view): `Sent first (# @ref): login → 200 OK`. */
export function refNotices(result: RunResult): string[] {
  return withRefs(result).slice(0, -1).map((ref) => {
    const response = ref.exchange?.response;
    const outcome = response ? `${response.status}${response.statusText ? ` ${response.statusText}` : ''}` : `no response (${(ref.error ?? ref.exchange?.error)?.code ?? 'UNKNOWN'})`;
    return `Sent first (# @ref): ${requestLabel(ref.request)} → ${outcome}`;
  });
}
