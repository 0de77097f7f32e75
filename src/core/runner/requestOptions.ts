import { HttpSessionError } from '../errors';
import type { Directive, RequestBlock } from '../parser/types';
import type { SendOptions } from '../session/sendWithSession';
import type { EngineSettings } from './types';
import { MAX_RETRIES } from './types';

/** What a request's own directives change about how it is sent. */
export interface RequestOptions {
  send: SendOptions;
  /** Names from `# @no-session-header`. */
  omitHeaders: string[];
  /** `# @retry N` (else the setting): tries after the first, and the first wait in ms. */
  retry: { count: number; backoffMs: number };
}

/** Reads `@no-redirect`, `@no-cookie-jar`, `@timeout`, `@insecure`, `@retry` and `@no-session-header` of `block`. */
export function requestOptions(block: RequestBlock, settings: EngineSettings, file: string, signal?: AbortSignal): RequestOptions {
  const has = (name: string): boolean => block.directives.some((d) => d.name === name);
  const timeout = [...block.directives].reverse().find((d) => d.name === 'timeout');
  const insecure = has('insecure');
  const retry = [...block.directives].reverse().find((d) => d.name === 'retry');
  return {
    send: {
      followRedirects: settings.followRedirects && !has('no-redirect'),
      maxRedirects: settings.maxRedirects,
      timeoutMs: timeout ? parseTimeout(timeout, file) : settings.timeoutMs,
      maxBodyBytes: settings.maxBodyBytes,
      rejectUnauthorized: settings.rejectUnauthorized && !insecure,
      http2: wantsHttp2(block.httpVersion, settings),
      useCookieJar: !has('no-cookie-jar'),
      ...(signal ? { signal } : {}),
    },
    retry: { count: retry ? parseRetry(retry, file) : settings.retries, backoffMs: settings.retryBackoffMs },
    omitHeaders: block.directives.filter((d) => d.name === 'no-session-header').flatMap((d) => d.value.split(/[\s,]+/)).filter(Boolean),
  };
}

/** `HTTP/2` (or `HTTP/2.0`) at the end of the request line, or no version there and the setting says '2'; `HTTP/1.1` keeps 1.1. */
export function wantsHttp2(lineVersion: string | undefined, settings: Pick<EngineSettings, 'httpVersion'>): boolean {
  if (lineVersion === undefined) return settings.httpVersion === '2';
  return /^HTTP\/2(?:\.0)?$/i.test(lineVersion);
}

/** `# @retry 3` → 3 tries after the first; anything but a whole number 0–10 is a PARSE error naming the line. */
function parseRetry(directive: Directive, file: string): number {
  const value = directive.value.trim();
  if (!/^\d+$/.test(value) || Number(value) > MAX_RETRIES) {
    throw new HttpSessionError('PARSE', `@retry needs a whole number of retries from 0 to ${MAX_RETRIES}, not "${directive.value}".`, { file, line: directive.line });
  }
  return Number(value);
}

const UNITS: Record<string, number> = { '': 1, ms: 1, s: 1000, m: 60_000 };

/** `# @timeout 5000` (ms), `500ms`, `5s` or `2m` → ms; 0 = none. Anything else is a PARSE error naming the line. */
export function parseTimeout(directive: Directive, file: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/i.exec(directive.value.trim());
  if (!match) {
    throw new HttpSessionError('PARSE', `@timeout needs a number of milliseconds or a value like 5s, not "${directive.value}".`, { file, line: directive.line });
  }
  return Math.round(Number(match[1]) * UNITS[(match[2] ?? '').toLowerCase()]);
}
