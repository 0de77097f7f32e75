import type { RequestBlock } from '../parser/types';

/** True when the request carries `# @no-log`: it stays out of the history, and logs name it without its URL, headers or body. */
export function isNoLog(block: RequestBlock): boolean {
  return block.directives.some((d) => d.name === 'no-log');
}
