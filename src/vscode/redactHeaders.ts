import type { HeaderList } from '../core/http/types';

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/** Header lines for the log: values of Authorization, Proxy-Authorization, Cookie and Set-Cookie replaced unless `reveal`. */
export function redactHeaders(headers: HeaderList, reveal = false): string[] {
  return headers.map(([name, value]) => `${name}: ${!reveal && SECRET_HEADERS.has(name.toLowerCase()) ? redactValue(name, value) : value}`);
}

/** Keeps the scheme of an Authorization value and the cookie names of Cookie/Set-Cookie, hides the rest. */
function redactValue(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower.endsWith('authorization')) return `${value.split(' ')[0]} <redacted>`;
  if (lower === 'cookie') return value.split(';').map((p) => `${p.split('=')[0].trim()}=<redacted>`).join('; ');
  return `${value.split('=')[0].trim()}=<redacted>${value.includes(';') ? value.slice(value.indexOf(';')) : ''}`;
}
