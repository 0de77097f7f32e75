import type { ServerResponse } from 'node:http';

/** Sends `value` as pretty JSON (httpbin indents by 2) with the given status and extra headers. */
export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string | string[]> = {}): void {
  const body = Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
  res.end(body);
}

/** Sends a text or binary body with its content type. */
export function sendBody(res: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': String(bytes.length) });
  res.end(bytes);
}

/** Sends a redirect with an empty body; `setCookies` go out as separate Set-Cookie headers. */
export function sendRedirect(res: ServerResponse, status: number, location: string, setCookies: string[] = []): void {
  const headers: Record<string, string | string[]> = { Location: location, 'Content-Length': '0' };
  if (setCookies.length > 0) headers['Set-Cookie'] = setCookies;
  res.writeHead(status, headers);
  res.end();
}

/** Parses a whole-number path or query parameter; undefined when it is not one. */
export function parseWholeNumber(text: string | null | undefined): number | undefined {
  if (text === null || text === undefined || !/^\d{1,9}$/.test(text)) return undefined;
  return Number(text);
}
