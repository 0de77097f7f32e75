import type { HttpFile, RequestBlock } from '../parser/types';
import { DEFAULT_SESSION } from '../session/sessionStore';

/** The session a request runs in, as runRequest picks it: its own `# @session`, the prologue's, else `default`. */
export function sessionNameFor(file: HttpFile, block: RequestBlock | undefined): string {
  return lastValue(block?.directives ?? []) ?? lastValue(file.prologue) ?? DEFAULT_SESSION;
}

function lastValue(directives: ReadonlyArray<{ name: string; value: string }>): string | undefined {
  for (let i = directives.length - 1; i >= 0; i--) {
    if (directives[i].name !== 'session') continue;
    const value = directives[i].value.trim();
    if (value) return value;
  }
  return undefined;
}
