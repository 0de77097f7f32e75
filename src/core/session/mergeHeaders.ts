import type { HeaderList } from '../http/types';

/** The layers a request's headers are merged from, lowest first (session.md "How one request is built"). */
export interface HeaderLayers {
  /** Settings `httpSession.defaultHeaders`: the base layer. */
  settings: HeaderList;
  /** The session's default headers, session auth included (its `Authorization` entry). */
  session: HeaderList;
  /** Names from `# @no-session-header`: defaults of these names are left out of this request. */
  omit?: string[];
}

/**
 * The headers of one request: defaults (settings < session) for every name the request does not set itself
 * and `@no-session-header` does not omit, then the request's own headers in their order (repeats kept).
 * Names compare case-insensitively; nothing here changes the session.
 */
export function mergeHeaders(own: HeaderList, layers: HeaderLayers): HeaderList {
  const omitted = new Set((layers.omit ?? []).map((name) => name.trim().toLowerCase()));
  const ownNames = new Set(own.map(([name]) => name.toLowerCase()));
  const defaults = new Map<string, [string, string]>();
  for (const [name, value] of [...layers.settings, ...layers.session]) {
    const key = name.toLowerCase();
    // Delete first so a higher layer's spelling and value replace the lower one's.
    defaults.delete(key);
    defaults.set(key, [name, value]);
  }
  const merged: HeaderList = [];
  for (const [key, header] of defaults) {
    if (!omitted.has(key) && !ownNames.has(key)) merged.push(header);
  }
  return [...merged, ...own.map(([name, value]): [string, string] => [name, value])];
}
