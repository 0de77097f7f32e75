/** Default cap on the number of paths offered for one body. */
export const MAX_JSON_PATHS = 300;
const MAX_DEPTH = 8;
const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

/**
 * JSONPaths into a stored response body, parents before children: `{"token":"x","user":{"id":1}}` gives
 * `$.token`, `$.user`, `$.user.id`. Arrays offer their first element (`$.items[0]`, `$.items[0].id`). Keys that
 * are not identifiers are bracketed (`$['a b']`). Empty for a body that is not a JSON object or array.
 * At most `limit` paths, depth at most 8.
 */
export function jsonPaths(body: string, limit = MAX_JSON_PATHS): string[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return [];
  }
  const paths: string[] = [];
  const queue: Array<{ path: string; value: unknown; depth: number }> = [{ path: '$', value: json, depth: 0 }];
  // Breadth first, so a cap keeps the shallow (most used) paths.
  for (let i = 0; i < queue.length && paths.length < limit; i++) {
    const { path, value, depth } = queue[i];
    if (depth >= MAX_DEPTH || typeof value !== 'object' || value === null) continue;
    const children: Array<[string, unknown]> = Array.isArray(value)
      ? value.length > 0 ? [[`${path}[0]`, value[0]]] : []
      : Object.entries(value).map(([key, child]) => [PLAIN_KEY.test(key) ? `${path}.${key}` : `${path}['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`, child]);
    for (const [childPath, child] of children) {
      if (paths.length >= limit) break;
      paths.push(childPath);
      queue.push({ path: childPath, value: child, depth: depth + 1 });
    }
  }
  return paths;
}
