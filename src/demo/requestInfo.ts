import type { IncomingMessage } from 'node:http';

/** A request as the demo server's handlers see it: parsed URL, whole body read. */
export interface DemoRequest {
  req: IncomingMessage;
  method: string;
  url: URL;
  body: Buffer;
}

/** Query or form values in httpbin's shape: a string, or an array when the name repeats. */
export type ArgMap = Record<string, string | string[]>;

/** Largest request body the demo server reads, in bytes. */
export const MAX_REQUEST_BODY_BYTES = 10 * 1024 * 1024;

/** Reads the whole request body up to MAX_REQUEST_BODY_BYTES; resolves undefined when it is larger. */
export function readRequestBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Groups repeated names into arrays, as httpbin does for `args` and `form`. */
export function toArgMap(params: URLSearchParams): ArgMap {
  const result: ArgMap = {};
  for (const [name, value] of params) {
    const previous = result[name];
    if (previous === undefined) result[name] = value;
    else result[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return result;
}

/** Request headers with httpbin's Title-Case names; repeated headers joined with ", ". */
export function titleCaseHeaders(req: IncomingMessage): Record<string, string> {
  const result: Record<string, string> = {};
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase().replace(/(^|-)([a-z])/g, (_m, dash: string, ch: string) => dash + ch.toUpperCase());
    result[name] = result[name] === undefined ? raw[i + 1] : `${result[name]}, ${raw[i + 1]}`;
  }
  return result;
}

/** The `Cookie` header as a name → value map (the last pair of a repeated name wins). */
export function parseCookieHeader(req: IncomingMessage): Record<string, string> {
  const cookies: Record<string, string> = {};
  const header = req.headers.cookie ?? '';
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const name = pair.slice(0, eq).trim();
    if (name) cookies[name] = pair.slice(eq + 1).trim();
  }
  return cookies;
}

/** The media type of the request, lower case, without parameters. */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** The client address as httpbin's `origin`. */
export function originOf(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? '';
}

/** The `args, headers, origin, url` part shared by every echo response. */
export function echoBase(request: DemoRequest): { args: ArgMap; headers: Record<string, string>; origin: string; url: string } {
  return {
    args: toArgMap(request.url.searchParams),
    headers: titleCaseHeaders(request.req),
    origin: originOf(request.req),
    url: request.url.toString(),
  };
}

/** httpbin's body echo: `data`, `json`, `form`, `files` (multipart parsed with the built-in Response.formData). */
export async function echoBody(request: DemoRequest): Promise<{ data: string; files: ArgMap; form: ArgMap; json: unknown }> {
  const type = mediaType(request.req);
  const text = request.body.toString('utf8');
  let json: unknown = null;
  let form: ArgMap = {};
  const files: ArgMap = {};
  let data = text;
  if (type === 'application/x-www-form-urlencoded') {
    form = toArgMap(new URLSearchParams(text));
    data = '';
  } else if (type === 'multipart/form-data') {
    data = '';
    try {
      const parsed = await new Response(request.body, { headers: { 'content-type': request.req.headers['content-type'] ?? '' } }).formData();
      const fields = new URLSearchParams();
      for (const [name, value] of parsed) {
        if (typeof value === 'string') fields.append(name, value);
        else files[name] = await value.text();
      }
      form = toArgMap(fields);
    } catch {
      data = text;
    }
  } else if (text.length > 0) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  return { data, files, form, json };
}
