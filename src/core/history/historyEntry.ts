import { requestName } from '../runner/requestLabel';
import type { RunResult } from '../runner/types';
import { REDACTED } from '../variables/redactSecrets';
import { redactUrl } from '../util/redactUrl';
import { authHeaderTemplates } from './authHeaderTemplates';
import { redactRequest, type StoredRequest } from './redactRequest';

/** One sent request in the history (credentials masked). */
export interface HistoryEntry {
  /** ISO time the request finished. */
  time: string;
  method: string;
  /** The URL as first sent, secrets masked. */
  url: string;
  /** Final status, or undefined when no response arrived. */
  status?: number;
  /** Error code when it failed (REFUSED, TIMEOUT, …). */
  errorCode?: string;
  /** Whole exchange in ms. */
  durationMs: number;
  /** Absolute path of the `.http` file. */
  file: string;
  /** 0-based line of the request line. */
  line: number;
  /** `# @name` or `###` title, if any. */
  label?: string;
  /** The session it was sent in (absent in entries stored before this was kept: the default session). */
  session?: string;
  /** The first hop as sent, masked; used to re-send when the file or request is gone. */
  request?: StoredRequest;
}

/** The history entry for `result`, or undefined when nothing was sent (input error, cancelled prompt). */
export function historyEntry(result: RunResult, finishedAt: Date): HistoryEntry | undefined {
  const exchange = result.exchange;
  const first = exchange?.hops[0]?.request;
  if (!exchange || (!first && !exchange.error)) return undefined;
  const status = exchange.response?.status;
  const errorCode = result.error?.code;
  const label = requestName(result.request);
  return {
    time: finishedAt.toISOString(),
    method: first?.method ?? result.request.method,
    url: first ? redactUrl(first.url) : redactUrl(result.request.url),
    ...(status !== undefined ? { status } : {}),
    ...(errorCode ? { errorCode } : {}),
    durationMs: Math.round(exchange.timings.totalMs),
    file: result.filePath,
    line: result.request.requestLine,
    ...(label ? { label } : {}),
    session: result.sessionName,
    ...(first ? { request: storedRequest(first, result) } : {}),
  };
}

/** The first hop masked; a header that carried an OAuth2 token is masked whole and kept as written instead. */
function storedRequest(first: Parameters<typeof redactRequest>[0], result: RunResult): StoredRequest {
  const stored = redactRequest(first);
  const templates = authHeaderTemplates(result.request);
  if (templates.length === 0) return stored;
  const names = new Set(templates.map(([name]) => name.toLowerCase()));
  const headers = stored.headers.map(([name, value]): [string, string] => [name, names.has(name.toLowerCase()) ? REDACTED : value]);
  return { ...stored, headers, authHeaders: templates };
}
