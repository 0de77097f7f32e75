import type { OutgoingRequest } from '../http/types';
import type { RequestBlock } from '../parser/types';
import { fileRequestSource } from '../runner/fileRequestSource';
import { prepareRequest } from '../runner/requestPipeline';
import type { RunContext } from '../runner/types';

/**
 * The first hop of `block` exactly as runRequest would send it now, without sending it or changing the
 * session: the request pipeline's prepare stages (requestPipeline.ts) except those that only run when
 * sending (`# @note`'s confirmation). Throws HttpSessionError for input errors (unresolved variable, bad
 * header, unreadable body file, CANCELLED).
 */
export async function requestAsSent(ctx: RunContext, block: RequestBlock): Promise<OutgoingRequest> {
  return (await prepareRequest(fileRequestSource(ctx, block), ctx, { sending: false })).asSent;
}
