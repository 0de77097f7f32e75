import { HttpSessionError } from '../errors';
import type { Directive, RequestBlock } from '../parser/types';
import type { SendOptions } from '../session/sendWithSession';
import type { EngineSettings } from './types';

/** What a request's own directives change about how it is sent. */
export interface RequestOptions {
  send: SendOptions;
  /** Names from `# @no-session-header`. */
  omitHeaders: string[];
}

/** Reads `@no-redirect`, `@no-cookie-jar`, `@timeout`, `@insecure` and `@no-session-header` of `block`. */
export function requestOptions(block: RequestBlock, settings: EngineSettings, file: string, signal?: AbortSignal): RequestOptions {
  const has = (name: string): boolean => block.directives.some((d) => d.name === name);
  const timeout = [...block.directives].reverse().find((d) => d.name === 'timeout');
  const insecure = has('insecure');
  return {
    send: {
      followRedirects: settings.followRedirects && !has('no-redirect'),
      maxRedirects: settings.maxRedirects,
      timeoutMs: timeout ? parseTimeout(timeout, file) : settings.timeoutMs,
      maxBodyBytes: settings.maxBodyBytes,
      rejectUnauthorized: settings.rejectUnauthorized && !insecure,
      useCookieJar: !has('no-cookie-jar'),
      ...(signal ? { signal } : {}),
    },
    omitHeaders: block.directives.filter((d) => d.name === 'no-session-header').flatMap((d) => d.value.split(/[\s,]+/)).filter(Boolean),
  };
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
