import type { CookieView } from '../../core/http/types';
import type { DefaultHeader } from '../../core/session/types';
import { redactHeaderValue } from '../../core/util/redactHeaders';
import { looksSecret, REDACTED } from '../../core/variables/redactSecrets';

/** A node of the session tree: plain data, so commands and tests can name one without the provider. */
export type SessionTreeNode =
  | { kind: 'session'; session: string }
  | { kind: 'cookies'; session: string }
  | { kind: 'domain'; session: string; domain: string }
  | { kind: 'cookie'; session: string; cookie: CookieView }
  | { kind: 'headers'; session: string }
  | { kind: 'header'; session: string; header: DefaultHeader }
  | { kind: 'params'; session: string }
  | { kind: 'param'; session: string; name: string; value: string }
  | { kind: 'auth'; session: string }
  | { kind: 'sessionAuth'; session: string }
  | { kind: 'digest'; session: string; origin: string }
  | { kind: 'certificates'; session: string }
  | { kind: 'certificate'; session: string; host: string; source: string }
  | { kind: 'oauthToken'; session: string; name: string }
  | { kind: 'globals'; session: string }
  | { kind: 'global'; session: string; name: string; value: string };

/** Characters of a value shown in a label or description before it is cut with "…". */
const PREVIEW_CHARS = 40;

/** The first PREVIEW_CHARS characters of `value`, control characters shown as spaces. */
export function preview(value: string): string {
  const flat = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS)}…` : flat;
}

/** A header value as the label shows it: credentials masked by core's one rule (redactHeaderValue), then cut. */
export function maskedHeaderValue(name: string, value: string): string {
  return preview(redactHeaderValue(name, value));
}

/** A global's value as the label shows it: masked when its name looks secret (as the hover does). */
export function maskedGlobalValue(name: string, value: string): string {
  return looksSecret(name) ? REDACTED : preview(value);
}

/** The domain a cookie is grouped under (no leading dot). */
export function cookieDomain(cookie: CookieView): string {
  return cookie.domain.replace(/^\./, '');
}

/** The plain-text tooltip of a cookie: every attribute in words. */
export function cookieTooltip(cookie: CookieView): string {
  return [
    `${cookie.name} = ${cookie.value}`,
    `Domain: ${cookie.domain}${cookie.hostOnly ? ' (host-only)' : ''}`,
    `Path: ${cookie.path}`,
    `Expires: ${cookie.expires ?? 'at the end of the session'}`,
    `Secure: ${cookie.secure ? 'yes' : 'no'}`,
    `HttpOnly: ${cookie.httpOnly ? 'yes' : 'no'}`,
    `SameSite: ${cookie.sameSite ?? 'not set'}`,
  ].join('\n');
}

/** "3 cookies · 2 domains" (with header count when there are default headers). */
export function sessionSummary(cookies: CookieView[], headerCount: number): string {
  const domains = new Set(cookies.map(cookieDomain)).size;
  const parts = [plural(cookies.length, 'cookie'), plural(domains, 'domain')];
  if (headerCount) parts.push(plural(headerCount, 'header'));
  return parts.join(' · ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
