import { bodyPreview } from '../http/bodyPreview';
import type { Exchange } from '../http/types';
import type { NamedResponse } from '../session/types';

/**
 * The NamedResponse kept for `# @name`: the final response, and the request as sent on the final hop
 * (a file streamed from disk appears in its body as its `< path` line).
 */
export function namedResponseFrom(exchange: Exchange): NamedResponse | undefined {
  const response = exchange.response;
  const last = exchange.hops[exchange.hops.length - 1];
  if (!response || !last) return undefined;
  const body = last.request.body;
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(response.body).toString('utf8'),
    truncated: response.truncated,
    request: {
      method: last.request.method,
      url: last.request.url,
      headers: last.request.headers,
      ...(body ? { body: bodyPreview(body) } : {}),
    },
    receivedAt: new Date().toISOString(),
  };
}
