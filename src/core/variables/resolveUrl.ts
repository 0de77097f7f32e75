import { HttpSessionError } from '../errors';

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;

/**
 * Turns an expanded request target into an absolute http(s) URL: absolute URLs as written, origin-form
 * `/path` joined with the `Host` header (https when the host names port 443). A missing scheme, another
 * scheme or an unparsable URL is an INVALID_URL error naming the line.
 */
export function resolveUrl(target: string, host: string | undefined, line: number, file?: string): string {
  const fail = (message: string): HttpSessionError => new HttpSessionError('INVALID_URL', message, { file, line });
  let text = target.trim();
  if (text.startsWith('/')) {
    if (!host) throw fail(`URL '${text}' on line ${line + 1} is a path without a Host header: add 'Host:' or write the full URL`);
    text = `${host.trim().endsWith(':443') ? 'https' : 'http'}://${host.trim()}${text}`;
  }
  const scheme = SCHEME.exec(text)?.[1].toLowerCase();
  if (scheme === undefined) throw fail(`URL '${text}' on line ${line + 1} has no scheme: write http://… or https://…`);
  if (scheme !== 'http' && scheme !== 'https') {
    throw fail(`URL scheme '${scheme}:' on line ${line + 1} is not supported: only http:// and https://`);
  }
  // WHATWG URL reads `http:///path` as host "path"; a URL written without a host is a mistake, not a host name.
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[/?#]/.test(text) || /^[A-Za-z][A-Za-z0-9+.-]*:\/\/$/.test(text)) {
    throw fail(`URL '${text}' on line ${line + 1} has no host: write http://host/…`);
  }
  try {
    return new URL(text).href;
  } catch {
    throw fail(`URL '${text}' on line ${line + 1} is not a valid URL`);
  }
}
