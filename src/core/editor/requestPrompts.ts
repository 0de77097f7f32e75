import type { RequestBlock } from '../parser/types';

/** Names declared by `# @prompt NAME [description]` in a request's directives. */
export function requestPrompts(block: RequestBlock): string[] {
  const names: string[] = [];
  for (const directive of block.directives) {
    if (directive.name !== 'prompt') continue;
    const name = directive.value.trim().split(/\s+/)[0];
    if (name) names.push(name);
  }
  return names;
}
