import type { HeaderList } from '../http/types';
import type { RequestBlock } from '../parser/types';

const ONE_AUTH_REFERENCE = /^[^{]*\{\{\s*\$auth\.(?:token|idToken)\(\s*(?:"[^"]*"|'[^']*')\s*\)\s*\}\}[^{]*$/;

/**
 * The request's headers whose written value is literal text around one `{{$auth.token(…)}}` or
 * `{{$auth.idToken(…)}}` (`Bearer {{$auth.token("api")}}`), as written. The history keeps these instead of
 * the value sent, so a re-send asks the session for the token again (fresh, refreshed or fetched) rather
 * than replaying a stored one; a value with other `{{…}}` in it is not kept (a re-send never expands
 * stored text beyond the token).
 */
export function authHeaderTemplates(block: RequestBlock): HeaderList {
  return block.headers.filter((header) => ONE_AUTH_REFERENCE.test(header.value)).map((header) => [header.name, header.value]);
}
