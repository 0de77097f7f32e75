import type { OutgoingRequest } from '../http/types';
import type { RequestBlock } from '../parser/types';
import type { Resolver, VariableSources } from './types';

/**
 * Turns a parsed request into bytes for the wire: URL, headers and body resolved, body files read relative
 * to the `.http` file. Throws HttpSessionError (INVALID_HEADER for CR/LF/NUL, INVALID_URL, BODY_FILE, …).
 */
export async function buildRequest(_block: RequestBlock, _resolver: Resolver, _sources: VariableSources): Promise<OutgoingRequest> {
  throw new Error('buildRequest: not implemented yet (variables helper)');
}
