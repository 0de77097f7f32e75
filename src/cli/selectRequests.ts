import { requestAtLine } from '../core/parser/requestAtLine';
import type { HttpFile, RequestBlock } from '../core/parser/types';
import { SEND_USAGE } from './usage';
import { UsageError } from './usageError';

/** Which requests of a file to send: by `# @name` (repeatable, in the order given), by 1-based line, or all. */
export interface RequestSelection {
  names: string[];
  /** 1-based line number. */
  line?: number;
}

/**
 * The requests to send, in order. No names and no line: every request of the file. An unknown name or a line
 * outside every request is a UsageError naming what the file does have.
 */
export function selectRequests(file: HttpFile, filePath: string, selection: RequestSelection): RequestBlock[] {
  const chosen: RequestBlock[] = [];
  for (const name of selection.names) {
    const found = file.requests.filter((r) => r.name === name);
    if (found.length === 0) {
      const known = file.requests.map((r) => r.name).filter((n): n is string => n !== undefined);
      const list = known.length > 0 ? `named requests: ${known.join(', ')}` : 'it has no named requests';
      throw new UsageError(`${filePath}: no request named '${name}' (${list})`, SEND_USAGE);
    }
    chosen.push(...found);
  }
  if (selection.line !== undefined) {
    const request = requestAtLine(file, selection.line - 1);
    if (!request) {
      const lines = file.requests.map((r) => r.requestLine + 1).join(', ');
      throw new UsageError(`${filePath}:${selection.line}: no request at this line (request lines: ${lines || 'none'})`, SEND_USAGE);
    }
    if (!chosen.includes(request)) chosen.push(request);
  }
  if (selection.names.length === 0 && selection.line === undefined) return [...file.requests];
  return chosen;
}
