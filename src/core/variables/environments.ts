import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { authSection, mergeAuthConfigs, withAuthConfigs } from '../auth/oauth/authConfigs';
import { HttpSessionError } from '../errors';
import { mergeSslConfigurations, withSslConfiguration } from '../tls/sslConfiguration';

/** The public and private JetBrains environment files, in override order. */
export const ENVIRONMENT_FILES = ['http-client.env.json', 'http-client.private.env.json'] as const;

/** Environments read from one directory's `http-client(.private).env.json`. */
export interface Environments {
  /** Environment names, without `$shared`, sorted. */
  names(): string[];
  /**
   * The values of one environment: `$shared` (public, then private) below the environment's own values
   * (public, then private). No name: `$shared` alone. An unknown name throws an ENVIRONMENT error.
   * The `Security.Auth` configurations, merged field by field over the same layers, come with it (authConfigsOf),
   * and so does the `SSLConfiguration` (sslConfigurationOf).
   */
  resolve(name?: string): Record<string, string>;
  /** Problems found while reading the files (bad JSON, wrong shape); the rest still loads. */
  errors: HttpSessionError[];
}

type EnvFile = Record<string, Record<string, string>>;

/** One environment file as read: flat string values, and the raw `Security.Auth` sections by environment. */
interface ReadEnvFile {
  values: EnvFile;
  auth: Record<string, Record<string, unknown> | undefined>;
  /** Each environment's object as written (for `SSLConfiguration`). */
  raw: Record<string, unknown>;
}

/** Reads `http-client.env.json` and `http-client.private.env.json` from `dir`; missing files are fine. */
export async function loadEnvironments(dir: string): Promise<Environments> {
  const errors: HttpSessionError[] = [];
  const paths = ENVIRONMENT_FILES.map((name) => join(dir, name));
  const [publicRead, privateRead] = await Promise.all(paths.map((path) => readEnvFile(path, errors)));
  const [publicEnv, privateEnv] = [publicRead.values, privateRead.values];
  const names = [...new Set([...Object.keys(publicEnv), ...Object.keys(privateEnv)])].filter((n) => n !== '$shared').sort();
  return {
    names: () => [...names],
    resolve(name?: string): Record<string, string> {
      if (name !== undefined && !names.includes(name)) {
        const known = names.length ? `known environments: ${names.join(', ')}` : `no environments are defined in ${join(dir, ENVIRONMENT_FILES[0])}`;
        throw new HttpSessionError('ENVIRONMENT', `Unknown environment '${name}': ${known}`);
      }
      const layers = [publicEnv.$shared, privateEnv.$shared];
      if (name !== undefined) layers.push(publicEnv[name], privateEnv[name]);
      const envNames = name === undefined ? ['$shared'] : ['$shared', name];
      const authLayers = envNames.flatMap((env) => [
        { auth: publicRead.auth[env], file: paths[0] },
        { auth: privateRead.auth[env], file: paths[1] },
      ]);
      const sslLayers = envNames.flatMap((env) => [
        { values: publicRead.raw[env], file: paths[0] },
        { values: privateRead.raw[env], file: paths[1] },
      ]);
      const resolved = withAuthConfigs(Object.assign({}, ...layers.filter(Boolean)) as Record<string, string>, mergeAuthConfigs(authLayers));
      return withSslConfiguration(resolved, mergeSslConfigurations(sslLayers, name ?? '$shared'));
    },
    errors,
  };
}

async function readEnvFile(path: string, errors: HttpSessionError[]): Promise<ReadEnvFile> {
  let text: string;
  try {
    text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      errors.push(new HttpSessionError('ENVIRONMENT', `Cannot read ${path}: ${(error as Error).message}`, undefined, error));
    }
    return { values: {}, auth: {}, raw: {} };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const where = jsonErrorPosition(text);
    const location = where ? { file: path, line: where.line, column: where.column } : { file: path, line: 0 };
    const detail = where ? ` on line ${where.line + 1}, column ${where.column + 1} (${where.problem})` : `: ${(error as Error).message}`;
    errors.push(new HttpSessionError('ENVIRONMENT', `${basename(path)} is not valid JSON${detail}`, location, error));
    return { values: {}, auth: {}, raw: {} };
  }
  const values = toEnvFile(data, path, errors);
  const auth = isObject(data) ? Object.fromEntries(Object.entries(data).map(([env, v]) => [env, isObject(v) ? authSection(v) : undefined])) : {};
  return { values, auth, raw: isObject(data) ? data : {} };
}

function toEnvFile(data: unknown, path: string, errors: HttpSessionError[]): EnvFile {
  if (!isObject(data)) {
    errors.push(new HttpSessionError('ENVIRONMENT', `${path} must hold a JSON object of environments`, { file: path, line: 0 }));
    return {};
  }
  const result: EnvFile = {};
  for (const [envName, values] of Object.entries(data)) {
    if (!isObject(values)) {
      errors.push(new HttpSessionError('ENVIRONMENT', `Environment '${envName}' in ${path} must be an object of name/value pairs`, { file: path, line: 0 }));
      continue;
    }
    result[envName] = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
    );
  }
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * 0-based line/column of the first syntax error, found with jsonc-parser in strict mode because Node 20's
 * JSON.parse messages carry no position.
 */
function jsonErrorPosition(text: string): { line: number; column: number; problem: string } | undefined {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length === 0) return undefined;
  const before = text.slice(0, errors[0].offset);
  const line = before.split('\n').length - 1;
  return { line, column: before.length - (before.lastIndexOf('\n') + 1), problem: printParseErrorCode(errors[0].error) };
}
