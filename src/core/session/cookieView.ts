import { Cookie } from 'tough-cookie';
import type { CookieView } from '../http/types';

/** The user-facing view of a jar cookie (expiry as ISO date, undefined for a session cookie). */
export function cookieView(cookie: Cookie): CookieView {
  const expiry = cookie.isPersistent() ? cookie.expiryDate() : undefined;
  return {
    name: cookie.key,
    value: cookie.value,
    domain: cookie.domain ?? '',
    path: cookie.path ?? '/',
    expires: expiry && Number.isFinite(expiry.getTime()) ? expiry.toISOString() : undefined,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSite || undefined,
    hostOnly: cookie.hostOnly ?? false,
  };
}

/** A tough-cookie Cookie built from a view, for adding or editing a cookie from the tree. */
export function cookieFromView(view: CookieView): Cookie {
  return new Cookie({
    key: view.name,
    value: view.value,
    // A host-only cookie has no Domain attribute: the jar takes the host from the URL.
    domain: view.hostOnly ? null : view.domain,
    path: view.path || '/',
    expires: view.expires ? new Date(view.expires) : 'Infinity',
    secure: view.secure,
    httpOnly: view.httpOnly,
    sameSite: view.sameSite,
  });
}
