import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Exchange, HeaderList } from '../../../src/core/http/types';
import { sendWithSession } from '../../../src/core/session/sendWithSession';
import type { SendOptions } from '../../../src/core/session/sendWithSession';
import type { Session } from '../../../src/core/session/session';
import type { RecordedRequest } from '../../support/startServer';

/** Engine defaults for tests: follow redirects, 10 at most, 5 s, 1 MB cap, TLS verified. */
export const SEND_DEFAULTS: SendOptions = { followRedirects: true, maxRedirects: 10, timeoutMs: 5_000, maxBodyBytes: 1 << 20, rejectUnauthorized: true };

/** Sends one request through `session` with test defaults. */
export function send(session: Session, method: string, url: string, headers: HeaderList = [], body?: string, options: Partial<SendOptions> = {}): Promise<Exchange> {
  return sendWithSession(session, { method, url, headers, ...(body !== undefined ? { body: Buffer.from(body) } : {}) }, { ...SEND_DEFAULTS, ...options });
}

/** Every value of header `name` (any case) in a recorded request. */
export function headerValues(request: RecordedRequest | undefined, name: string): string[] {
  return (request?.headers ?? []).filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
}

/**
 * A test server handler: `/redirect?status=&to=&set=` answers a redirect (with Set-Cookie values),
 * `/loop` redirects to itself forever, anything else answers 200 echoing method and body,
 * with a Set-Cookie for each `set=` parameter (each a separate header line).
 */
export function redirectingHandler(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://test');
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const cookies = url.searchParams.getAll('set');
    if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
    if (url.pathname.endsWith('/redirect')) {
      res.writeHead(Number(url.searchParams.get('status') ?? 302), { Location: url.searchParams.get('to') ?? '/' });
      res.end();
    } else if (url.pathname === '/loop') {
      res.writeHead(302, { Location: `/loop?n=${Number(url.searchParams.get('n') ?? 0) + 1}` });
      res.end();
    } else {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, body: Buffer.concat(chunks).toString() }));
    }
  });
}

/** `/redirect?…` path for redirectingHandler. */
export function redirectPath(to: string, status = 302, setCookies: string[] = []): string {
  const query = new URLSearchParams({ status: String(status), to });
  for (const cookie of setCookies) query.append('set', cookie);
  return `/redirect?${query}`;
}
