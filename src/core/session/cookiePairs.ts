import { removeHeader } from '../http/headerList';
import type { OutgoingRequest } from '../http/types';

/** One `name=value` pair of a Cookie header. */
export interface CookiePair {
  name: string;
  value: string;
}

/** Splits Cookie header values into pairs; a piece without `=` is kept as a value with an empty name, like browsers. */
export function parseCookiePairs(values: string[]): CookiePair[] {
  const pairs: CookiePair[] = [];
  for (const value of values) {
    for (const piece of value.split(';')) {
      const text = piece.trim();
      if (!text) continue;
      const eq = text.indexOf('=');
      pairs.push(eq < 0 ? { name: '', value: text } : { name: text.slice(0, eq).trim(), value: text.slice(eq + 1).trim() });
    }
  }
  return pairs;
}

/** Merges the jar's pairs with the request's own by name, the request's value winning in the jar's place. */
export function mergeCookiePairs(jar: CookiePair[], own: CookiePair[]): CookiePair[] {
  const ownByName = new Map(own.map((pair) => [pair.name, pair]));
  const used = new Set<string>();
  const merged: CookiePair[] = [];
  for (const pair of jar) {
    const mine = ownByName.get(pair.name);
    if (!mine) merged.push(pair);
    else if (!used.has(pair.name)) merged.push(mine);
    used.add(pair.name);
  }
  return [...merged, ...own.filter((pair) => !used.has(pair.name))];
}

/** The one Cookie header value for `pairs` ('' when there are none). */
export function formatCookieHeader(pairs: CookiePair[]): string {
  return pairs.map((pair) => (pair.name ? `${pair.name}=${pair.value}` : pair.value)).join('; ');
}

/** `request` with its Cookie headers replaced by one holding `pairs` (none when `pairs` is empty). */
export function withCookieHeader(request: OutgoingRequest, pairs: CookiePair[]): OutgoingRequest {
  const headers = removeHeader(request.headers, 'cookie');
  return { ...request, headers: pairs.length ? [...headers, ['Cookie', formatCookieHeader(pairs)]] : headers };
}
