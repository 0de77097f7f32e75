import type { RunResult } from '../core/runner/types';
import type { Exchange, HeaderList } from '../core/http/types';
import { bodyText } from './bodyText';
import type { SecretMask } from './outputSecrets';
import { maskedWarnings } from './maskedWarnings';

/** One `--json` line: everything about one request, as plain JSON. */
export interface ResultJson {
  title?: string;
  name?: string;
  session: string;
  method: string;
  url: string;
  /** The headers of the first request as sent (session defaults and the jar's Cookie included). */
  requestHeaders: Array<[string, string]>;
  /** HTTP status of the final response; null when none arrived. */
  status: number | null;
  statusText: string | null;
  httpVersion: string | null;
  headers: Array<[string, string]>;
  /** The body as UTF-8 text; null for binary bodies (then see bodyBase64) or no response. */
  body: string | null;
  bodyBase64?: string;
  bodyBytes: number;
  truncated: boolean;
  hops: Array<{ method: string; url: string; status: number; location?: string }>;
  cookies: { sent: Array<{ name: string; value: string }>; stored: unknown[]; rejected: unknown[] };
  /** Times in ms. */
  timings: { totalMs: number; headersMs?: number; bodyMs?: number } | null;
  warnings: string[];
  error: { code: string; message: string; file?: string; line?: number } | null;
  /** The request's tests (line 1-based) and its scripts' client.log lines. */
  tests: Array<{ name: string; kind: string; passed: boolean; message: string | null; expected: string | null; actual: string | null; file: string; line: number }>;
  logs: string[];
}

/**
 * Builds the `--json` object of one result; URL and method are the ones sent (the request's own when nothing
 * went out). Credentials in URLs, headers and cookies go through `mask`.
 */
export function resultJson(result: RunResult, mask: SecretMask): ResultJson {
  const exchange = result.exchange;
  const response = exchange?.response;
  const first = exchange?.hops[0]?.request;
  const decoded = response ? bodyText(response.body, response.contentType) : undefined;
  const error = result.error ?? exchange?.error;
  return {
    title: result.request.title,
    name: result.request.name,
    session: result.sessionName,
    method: first?.method ?? result.request.method,
    url: mask.url(first?.url ?? result.request.url),
    requestHeaders: maskHeaders(first?.headers ?? [], mask),
    status: response?.status ?? null,
    statusText: response?.statusText ?? null,
    httpVersion: response?.httpVersion ?? null,
    headers: maskHeaders(response?.headers ?? [], mask),
    body: decoded?.text ?? null,
    ...(response && decoded?.binary ? { bodyBase64: Buffer.from(response.body).toString('base64') } : {}),
    bodyBytes: response?.body.length ?? 0,
    truncated: response?.truncated ?? false,
    hops: (exchange?.hops ?? []).map((hop) => ({
      method: hop.request.method,
      url: mask.url(hop.request.url),
      status: hop.status,
      location: hop.headers.find(([n]) => n.toLowerCase() === 'location')?.[1],
    })),
    cookies: maskCookies(exchange?.cookies ?? { sent: [], stored: [], rejected: [] }, mask),
    timings: exchange?.timings ? roundedTimings(exchange.timings) : null,
    warnings: maskedWarnings(result, mask),
    error: error ? {
      code: error.code,
      message: error.message,
      file: error.location?.file ?? result.filePath,
      line: error.location ? error.location.line + 1 : undefined,
    } : null,
    tests: result.tests.map((t) => ({
      name: t.name, kind: t.kind, passed: t.passed, message: t.message ?? null, expected: t.expected ?? null, actual: t.actual ?? null,
      file: (t.failureLocation ?? t.location).file, line: (t.failureLocation ?? t.location).line + 1,
    })),
    logs: result.logs.map((l) => l.text),
  };
}

function maskHeaders(headers: HeaderList, mask: SecretMask): HeaderList {
  return headers.map(([name, value]) => [name, mask.header(name, value)]);
}

function maskCookies(cookies: Exchange['cookies'], mask: SecretMask): Exchange['cookies'] {
  return {
    sent: cookies.sent.map((c) => ({ ...c, value: mask.cookie(c.value) })),
    stored: cookies.stored.map((c) => ({ ...c, value: mask.cookie(c.value) })),
    rejected: cookies.rejected.map((r) => ({ ...r, header: mask.header('set-cookie', r.header) })),
  };
}

/** Times to the microsecond: the clock's float noise (`6.512428999999997`) is a fifth of a line's bytes. */
function roundedTimings(timings: Exchange['timings']): ResultJson['timings'] {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(timings)) out[key] = typeof value === 'number' ? Math.round(value * 1000) / 1000 : value;
  return out as ResultJson['timings'];
}
