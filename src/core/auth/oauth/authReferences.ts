/** `$auth.token("NAME")` / `$auth.idToken("NAME")` (JetBrains' syntax; either quote). */
export const AUTH_REFERENCE = /^\$auth\.(token|idToken)\(\s*(?:"([^"]*)"|'([^']*)')\s*\)$/;
const AUTH_REFERENCE_ANYWHERE = /\{\{\s*\$auth\.(?:token|idToken)\(\s*(?:"([^"]*)"|'([^']*)')\s*\)\s*\}\}/g;

/** A parsed `$auth.…(NAME)` expression, or undefined when `expression` is not one. */
export function parseAuthReference(expression: string): { kind: 'token' | 'idToken'; name: string } | undefined {
  const match = AUTH_REFERENCE.exec(expression.trim());
  if (!match) return undefined;
  return { kind: match[1] as 'token' | 'idToken', name: match[2] ?? match[3] };
}

/** The auth configuration names that `{{$auth.token(…)}}` / `{{$auth.idToken(…)}}` name anywhere in `value` (any nesting of objects and arrays). */
export function authNamesIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (!value.includes('$auth.')) return into;
    for (const match of value.matchAll(AUTH_REFERENCE_ANYWHERE)) into.add(match[1] ?? match[2]);
  } else if (Array.isArray(value)) {
    for (const item of value) authNamesIn(item, into);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) authNamesIn(item, into);
  }
  return into;
}

/** What a parsed file part (a request block, the prologue, the file variables) names: looked for once per part. */
const namesByPart = new WeakMap<object, Set<string>>();

/** authNamesIn for a part of a parsed file, which never changes: a file of 1,000 requests is otherwise walked per request. */
export function authNamesOfPart(part: object): Set<string> {
  let names = namesByPart.get(part);
  if (!names) {
    names = authNamesIn(part);
    namesByPart.set(part, names);
  }
  return names;
}
