import type { CookieView, HeaderList } from '../core/http/types';
import type { SessionStore } from '../core/session/sessionStore';
import { cookieExpiry, cookieFlags } from '../shared/cookieText';
import type { CliIo } from './cliIo';
import type { SecretMask } from './outputSecrets';

/** The `session show --json` object: every session with its cookies, default headers and named responses. */
export interface SessionsJson {
  file: string;
  sessions: Array<{ name: string; cookies: CookieView[]; defaultHeaders: HeaderList; namedResponses: string[]; globals: Record<string, string>; oauthTokens: OAuthTokenJson[] }>;
}

/** One OAuth2 token of a session as `session show` lists it: the value masked (unless --show-secrets). */
export interface OAuthTokenJson {
  name: string;
  grant: string;
  accessToken: string;
  /** ISO time, or null when the server gave no expiry. */
  expires: string | null;
  refreshable: boolean;
}

/** Builds the `session show --json` object; cookie values, default header values and globals go through `mask`. */
export function sessionsJson(store: SessionStore, path: string, mask: SecretMask): SessionsJson {
  return {
    file: path,
    sessions: store.names().map((name) => {
      const session = store.get(name);
      return {
        name,
        cookies: session.listCookies().map((cookie) => ({ ...cookie, value: mask.cookie(cookie.value) })),
        defaultHeaders: session.defaultHeaders.toList().map(([header, value]): [string, string] => [header, mask.header(header, value)]),
        namedResponses: [...session.namedResponses.keys()],
        // Masked like the editor's hover: a name that looks secret (token, password, key…) never shows its value.
        globals: Object.fromEntries([...session.globals].map(([name, value]) => [name, mask.secretName(name, value)])),
        oauthTokens: [...session.oauthTokens.values()].map((token) => ({
          name: token.name,
          grant: token.grant,
          accessToken: mask.secretName('token', token.accessToken),
          expires: token.expiresAt === undefined ? null : new Date(token.expiresAt).toISOString(),
          refreshable: token.refreshToken !== undefined,
        })),
      };
    }),
  };
}

/** Prints every session for people: cookies grouped by domain (path, name=value, expiry or "session", flags), then default headers. */
export function printSessions(store: SessionStore, path: string, io: CliIo, mask: SecretMask): void {
  io.out(io.style('dim', `Session file: ${path}`));
  for (const entry of sessionsJson(store, path, mask).sessions) {
    io.out('');
    io.out(io.style('bold', `Session '${entry.name}'`));
    io.out(`  Cookies${entry.cookies.length === 0 ? ': none' : ''}`);
    for (const cookie of entry.cookies) io.out(`    ${formatCookie(cookie, io)}`);
    io.out(`  Default headers${entry.defaultHeaders.length === 0 ? ': none' : ''}`);
    for (const [name, value] of entry.defaultHeaders) io.out(`    ${io.style('cyan', name)}: ${value}`);
    if (entry.namedResponses.length > 0) io.out(`  Named responses: ${entry.namedResponses.join(', ')}`);
    const globals = Object.entries(entry.globals);
    io.out(`  Globals${globals.length === 0 ? ': none' : ''}`);
    for (const [name, value] of globals) io.out(`    ${io.style('cyan', name)} = ${value}`);
    if (entry.oauthTokens.length > 0) io.out('  OAuth2 tokens');
    for (const token of entry.oauthTokens) {
      const expiry = token.expires === null ? 'no expiry given' : `expires ${token.expires}`;
      io.out(`    ${io.style('cyan', token.name)} (${token.grant}) ${token.accessToken}  ${io.style('dim', `${expiry}${token.refreshable ? ', refreshable' : ''}`)}`);
    }
  }
}

function formatCookie(cookie: CookieView, io: CliIo): string {
  return `${cookie.domain}  ${cookie.path}  ${io.style('bold', `${cookie.name}=${cookie.value}`)}  ${io.style('dim', [cookieExpiry(cookie), ...cookieFlags(cookie)].join(', '))}`;
}
