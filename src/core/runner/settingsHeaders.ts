import { HttpSessionError } from '../errors';
import type { HeaderList } from '../http/types';
import { expandChecked } from '../variables/expandChecked';
import type { Resolver } from '../variables/types';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * The settings layer of default headers (`httpSession.defaultHeaders`) with variables resolved at `line`.
 * A name that is no header name, or a value that would hold a line break, NUL, another control character or
 * a character a header cannot carry, is an INVALID_HEADER error naming the setting and the variable.
 */
export function settingsHeaders(defaults: HeaderList, resolver: Resolver, line: number): HeaderList {
  return defaults.map(([name, value]): [string, string] => {
    if (!TOKEN.test(name)) {
      throw new HttpSessionError('INVALID_HEADER', `The setting httpSession.defaultHeaders names '${name}', which is not a valid header name; nothing was sent.`);
    }
    const expanded = expandChecked(resolver, value, line, (problem) => new HttpSessionError(
      'INVALID_HEADER',
      `The setting httpSession.defaultHeaders gives ${name} a value holding ${problem.what}${problem.variable ? ` from ${problem.variable}` : ''}; nothing was sent.`,
    ), { header: true });
    return [name, expanded];
  });
}
