/**
 * The `"Security": { "Auth": { NAME: {...} } }` part of a JetBrains environment: one entry per auth
 * configuration, its fields merged from every layer that names it (`$shared` public, `$shared` private, the
 * environment public, then private), so the secret can live in the private file. Each entry remembers the
 * files it came from, for error messages.
 */
export interface RawAuthConfig {
  /** The configuration's fields as written ("Type", "Grant Type", "Token URL", …). */
  fields: Record<string, unknown>;
  /** Every environment file that holds a part of it, in layer order. */
  files: string[];
}

/** Auth configurations by name. */
export type AuthConfigs = ReadonlyMap<string, RawAuthConfig>;

// Carried on the resolved environment object so every caller that passes the environment passes these too.
const AUTH_CONFIGS = Symbol('httpSession.authConfigs');

/** The `Security.Auth` object of one environment layer, or undefined when it has none (or a wrong shape). */
export function authSection(values: Record<string, unknown>): Record<string, unknown> | undefined {
  const security = values.Security;
  if (!isObject(security) || !isObject(security.Auth)) return undefined;
  return security.Auth;
}

/** Merges the `Security.Auth` sections of the layers, lowest first; `file` of each layer is remembered. */
export function mergeAuthConfigs(layers: Array<{ auth: Record<string, unknown> | undefined; file: string }>): Map<string, RawAuthConfig> {
  const merged = new Map<string, RawAuthConfig>();
  for (const { auth, file } of layers) {
    for (const [name, fields] of Object.entries(auth ?? {})) {
      if (!isObject(fields)) continue;
      const entry = merged.get(name) ?? { fields: {}, files: [] };
      Object.assign(entry.fields, fields);
      if (!entry.files.includes(file)) entry.files.push(file);
      merged.set(name, entry);
    }
  }
  return merged;
}

/** Attaches `configs` to a resolved environment (not enumerable: `{{…}}` never sees them). */
export function withAuthConfigs<T extends object>(environment: T, configs: AuthConfigs): T {
  Object.defineProperty(environment, AUTH_CONFIGS, { value: configs, enumerable: false });
  return environment;
}

/** The auth configurations that came with a resolved environment (none for a plain object). */
export function authConfigsOf(environment: object): AuthConfigs {
  return (environment as { [AUTH_CONFIGS]?: AuthConfigs })[AUTH_CONFIGS] ?? new Map();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
