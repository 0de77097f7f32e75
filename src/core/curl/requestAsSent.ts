import type { OutgoingRequest } from '../http/types';
import type { PreparedRequest } from '../runner/pipelineTypes';
import type { RequestBlock } from '../parser/types';
import { fileRequestSource } from '../runner/fileRequestSource';
import { prepareRequest } from '../runner/requestPipeline';
import type { RunContext } from '../runner/types';
import { curlCommand } from './curlCommand';
import type { CurlTransport } from './curlCommand';

/**
 * The first hop of `block` exactly as runRequest would send it now, without sending it or changing the
 * session: the request pipeline's prepare stages (requestPipeline.ts) except those that only run when
 * sending (`# @note`'s confirmation). Throws HttpSessionError for input errors (unresolved variable, bad
 * header, unreadable body file, CANCELLED).
 */
export async function requestAsSent(ctx: RunContext, block: RequestBlock): Promise<OutgoingRequest> {
  return (await preparedAsSent(ctx, block)).asSent;
}

/** Copy as cURL: `block` as requestAsSent gives it, as a curl command with its transport (HTTP/2, TLS files). */
export async function curlAsSent(ctx: RunContext, block: RequestBlock): Promise<string> {
  const prepared = await preparedAsSent(ctx, block);
  return curlCommand(prepared.asSent, transportOf(prepared));
}

function preparedAsSent(ctx: RunContext, block: RequestBlock): Promise<PreparedRequest> {
  return prepareRequest(fileRequestSource(ctx, block), ctx, { sending: false });
}

/** How the prepared request's first hop would go out: HTTP/2 offered, verification off, the TLS files for its URL. */
function transportOf(prepared: PreparedRequest): CurlTransport {
  const send = prepared.options.send;
  const files = send.tlsFiles?.(new URL(prepared.asSent.url));
  return {
    ...(send.http2 ? { http2: true } : {}),
    ...(send.rejectUnauthorized ? {} : { insecure: true }),
    ...(files?.certificate ? { certificate: files.certificate } : {}),
    ...(files && files.caFiles.length > 0 ? { caFiles: files.caFiles } : {}),
  };
}
