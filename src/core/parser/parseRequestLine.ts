import { clip } from './clip';
import { HTTP_METHODS } from './httpMethods';

const KNOWN_METHODS: ReadonlySet<string> = new Set(HTTP_METHODS);

/** Result of reading a request line: method, raw URL and version, or where and why it is not one. */
export type RequestLineResult =
  | { ok: true; method: string; url: string; httpVersion?: string }
  | { ok: false; column: number; message: string };

/**
 * Reads `URL`, `METHOD URL` or `METHOD URL HTTP/x.y` whose first non-space character is at `at`.
 * Known methods are accepted in any case (and upper-cased); any other upper-case token only before a URL.
 */
export function parseRequestLine(line: string, at: number): RequestLineResult {
  let split = at;
  while (split < line.length && !isSpace(line.charCodeAt(split))) split++;
  const first = line.slice(at, split);
  const upper = first.toUpperCase();
  if (KNOWN_METHODS.has(upper) || (isUpperToken(first) && looksLikeUrl(line, firstNonSpaceFrom(line, split)))) {
    const target = splitVersion(line.slice(split));
    if (target.url === '') {
      return { ok: false, column: at, message: `Expected a URL after ${clip(upper)}, such as '${clip(upper)} https://…'` };
    }
    return { ok: true, method: upper, ...target };
  }
  if (looksLikeUrl(line, at)) return { ok: true, method: 'GET', ...splitVersion(line.slice(at)) };
  return { ok: false, column: at, message: "Expected a request line such as 'GET https://…'" };
}

/** Splits a trailing ` HTTP/x.y` off a request target (or continuation line) and trims the rest. */
export function splitVersion(text: string): { url: string; httpVersion?: string } {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
  const tail = text.slice(start, end);
  if (start > 0 && /^HTTP\/\d+(?:\.\d+)?$/.test(tail)) {
    return { url: text.slice(0, start).trim(), httpVersion: tail };
  }
  return { url: text.slice(0, end).trim() };
}

/** True when text at `at` starts like a URL: `scheme://`, `{{variable}}` or an origin-form `/path`. */
export function looksLikeUrl(line: string, at: number): boolean {
  const c = line.charCodeAt(at);
  if (c === 47 /* / */) return true;
  if (c === 123 /* { */ && line.charCodeAt(at + 1) === 123) return true;
  if (!isLetter(c)) return false;
  let i = at + 1;
  // Schemes are short; capping the scan keeps this O(1) per line.
  const limit = Math.min(line.length, at + 32);
  while (i < limit) {
    const d = line.charCodeAt(i);
    if (!(isLetter(d) || (d >= 48 && d <= 57) || d === 43 || d === 45 || d === 46)) break;
    i++;
  }
  return line.startsWith('://', i);
}

function isUpperToken(token: string): boolean {
  if (token.length === 0 || token.length > 32) return false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    const ok = (c >= 65 && c <= 90) || (i > 0 && ((c >= 48 && c <= 57) || c === 45 || c === 95));
    if (!ok) return false;
  }
  return true;
}

function firstNonSpaceFrom(line: string, from: number): number {
  let i = from;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  return i;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * `localhost:3000/api` or `example.com/x` (a host with no scheme) as `http://…`, as JetBrains reads it;
 * undefined when the URL has a scheme, starts with `/`, `{{` or anything but a letter or digit.
 */
export function withAssumedScheme(url: string): string | undefined {
  const c = url.charCodeAt(0);
  if (!(isLetter(c) || (c >= 48 && c <= 57)) || looksLikeUrl(url, 0)) return undefined;
  // `javascript:alert(1)` or `mailto:x` has a scheme of its own; `localhost:3000` has a port.
  const colon = url.indexOf(':');
  const slash = url.indexOf('/');
  if (colon > 0 && (slash < 0 || colon < slash) && !isDigit(url.charCodeAt(colon + 1))) return undefined;
  return `http://${url}`;
}

/** `GET https://…`, `POST /path`, `PUT {{base}}/x`: an upper-case known method and a URL, as a line that starts a request without `###`. */
export function isBareRequestLine(line: string, at: number): boolean {
  let split = at;
  while (split < line.length && !isSpace(line.charCodeAt(split))) split++;
  if (!KNOWN_METHODS.has(line.slice(at, split))) return false;
  const target = firstNonSpaceFrom(line, split);
  return target > split && looksLikeUrl(line, target) && (line.charCodeAt(target) !== 47 || line.charCodeAt(target + 1) !== 47);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
