import type { Directive } from './types';

/** The `# @name` directive that names a request: the last one with a value (a later one overrides). */
export function nameDirective(directives: readonly Directive[]): Directive | undefined {
  for (let i = directives.length - 1; i >= 0; i--) {
    if (directives[i].name === 'name' && directives[i].value !== '') return directives[i];
  }
  return undefined;
}
