import type { Exchange } from '../http/types';
import type { NamedResponse } from '../session/types';

/** The NamedResponse kept for `# @name`: the final response, and the request as sent on the final hop. */
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
      ...(body ? { body: Buffer.from(body).toString('utf8') } : {}),
    },
    receivedAt: new Date().toISOString(),
  };
}
