/** The Redirect URL used when a configuration gives none: the loopback address, any free port (RFC 8252 7.3). */
export const DEFAULT_REDIRECT_URL = 'http://127.0.0.1:0/callback';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The "Redirect URL" checked: an `http` URL on this machine's loopback interface (127.0.0.1, localhost,
 * [::1]), where the listener that receives the authorization code runs; no port = any free port. A
 * problem says why and what to write instead.
 */
export function loopbackRedirectUrl(text: string | undefined): string | { problem: string } {
  if (text === undefined) return DEFAULT_REDIRECT_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: `"Redirect URL" is not a URL (found "${text}")` };
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
    return { problem: `"Redirect URL" must be a loopback http URL such as http://127.0.0.1:8765/callback (the redirect is received on this machine; found "${text}")` };
  }
  if (url.port === '') url.port = '0';
  return `${url.protocol}//${url.hostname}:${url.port}${url.pathname}`;
}
