import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { echoBase, echoBody, originOf, titleCaseHeaders, type DemoRequest } from './requestInfo';
import { parseWholeNumber, sendBody, sendJson } from './respond';
import { SAMPLE_HTML, SAMPLE_JSON, SAMPLE_PNG, SAMPLE_XML } from './sampleContent';

/** Longest `/delay/S` the demo server honours, in seconds. */
export const MAX_DELAY_SECONDS = 10;
/** Largest `/bytes/N` the demo server sends, in bytes (100 MB). */
export const MAX_BYTES = 100 * 1024 * 1024;

const BODY_METHODS: Record<string, string> = { '/post': 'POST', '/put': 'PUT', '/patch': 'PATCH', '/delete': 'DELETE' };

/** httpbin's echo and content endpoints; resolves false when `path` is not one of them. */
export async function handleEchoRoute(request: DemoRequest, res: ServerResponse): Promise<boolean> {
  const path = request.url.pathname;
  const method = request.method;
  if (path === '/get') {
    if (!allow(res, method, 'GET', 'HEAD')) return true;
    sendJson(res, 200, echoBase(request));
  } else if (BODY_METHODS[path]) {
    if (!allow(res, method, BODY_METHODS[path])) return true;
    const base = echoBase(request);
    sendJson(res, 200, { args: base.args, ...(await echoBody(request)), headers: base.headers, origin: base.origin, url: base.url });
  } else if (path === '/anything' || path.startsWith('/anything/')) {
    const base = echoBase(request);
    sendJson(res, 200, { args: base.args, ...(await echoBody(request)), headers: base.headers, method, origin: base.origin, url: base.url });
  } else if (path === '/headers') {
    sendJson(res, 200, { headers: titleCaseHeaders(request.req) });
  } else if (path === '/gzip') {
    const json = { gzipped: true, headers: titleCaseHeaders(request.req), method, origin: originOf(request.req) };
    const body = gzipSync(Buffer.from(`${JSON.stringify(json, null, 2)}\n`));
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': String(body.length) });
    res.end(body);
  } else if (path.startsWith('/status/')) {
    sendStatus(res, path.slice('/status/'.length));
  } else if (path.startsWith('/delay/')) {
    sendDelayed(request, res, path.slice('/delay/'.length));
  } else if (path.startsWith('/bytes/')) {
    sendBytes(request, res, path.slice('/bytes/'.length));
  } else if (path === '/json') {
    sendJson(res, 200, SAMPLE_JSON);
  } else if (path === '/html') {
    sendBody(res, 200, 'text/html; charset=utf-8', SAMPLE_HTML);
  } else if (path === '/xml') {
    sendBody(res, 200, 'application/xml', SAMPLE_XML);
  } else if (path === '/image/png') {
    sendBody(res, 200, 'image/png', SAMPLE_PNG);
  } else {
    return false;
  }
  return true;
}

function allow(res: ServerResponse, method: string, ...allowed: string[]): boolean {
  if (allowed.includes(method)) return true;
  res.writeHead(405, { Allow: allowed.join(', '), 'Content-Type': 'text/plain', 'Content-Length': '18' });
  res.end('Method Not Allowed');
  return false;
}

function sendStatus(res: ServerResponse, text: string): void {
  const status = parseWholeNumber(text);
  if (status === undefined || status < 200 || status > 599) {
    sendJson(res, 400, { error: `invalid status code: ${text}` });
    return;
  }
  const headers: Record<string, string> = { 'Content-Length': '0' };
  if (status >= 300 && status < 400) headers.Location = '/redirect/1';
  if (status === 401) headers['WWW-Authenticate'] = 'Basic realm="Fake Realm"';
  res.writeHead(status, headers);
  res.end();
}

function sendDelayed(request: DemoRequest, res: ServerResponse, text: string): void {
  const seconds = Math.min(Number(text), MAX_DELAY_SECONDS);
  if (!Number.isFinite(seconds) || seconds < 0 || text === '') {
    sendJson(res, 400, { error: `invalid delay: ${text}` });
    return;
  }
  const timer = setTimeout(() => sendJson(res, 200, echoBase(request)), seconds * 1000);
  // a client that gives up (or a server that closes) must not leave the timer running
  res.on('close', () => clearTimeout(timer));
}

function sendBytes(request: DemoRequest, res: ServerResponse, text: string): void {
  const requested = parseWholeNumber(text);
  if (requested === undefined) {
    sendJson(res, 400, { error: `invalid byte count: ${text}` });
    return;
  }
  const total = Math.min(requested, MAX_BYTES);
  let state = (parseWholeNumber(request.url.searchParams.get('seed')) ?? 0) >>> 0;
  let sent = 0;
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(total) });
  const writeMore = (): void => {
    while (sent < total) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, total - sent));
      for (let i = 0; i < chunk.length; i += 1) {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0; // LCG: same seed, same bytes
        chunk[i] = state >>> 24;
      }
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', writeMore);
        return;
      }
    }
    res.end();
  };
  writeMore();
}
