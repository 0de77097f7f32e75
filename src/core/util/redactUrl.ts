import { looksSecret, REDACTED } from '../variables/redactSecrets';

/**
 * The URL with the values of secret-looking query parameters and any password in its user info replaced by
 * the one mask (REDACTED), written as it is (not percent-encoded) so a log, the CLI and the history show it
 * as the mask; every other parameter keeps its exact encoding. Text that is no URL is returned as is.
 */
export function redactUrl(url: string): string {
  // Nothing to mask without a query or user info (most URLs): no parse.
  if (!url.includes('?') && !url.includes('@')) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const query = parsed.search.slice(1);
  if (!parsed.password && !query.length) return parsed.href;
  const user = parsed.username || parsed.password ? `${parsed.username}${parsed.password ? `:${REDACTED}` : ''}@` : '';
  const pieces = query.split('&').map((piece) => {
    const eq = piece.indexOf('=');
    return eq >= 0 && looksSecret(decodeSafely(piece.slice(0, eq))) ? `${piece.slice(0, eq)}=${REDACTED}` : piece;
  });
  return `${parsed.protocol}//${user}${parsed.host}${parsed.pathname}${query ? `?${pieces.join('&')}` : ''}${parsed.hash}`;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
