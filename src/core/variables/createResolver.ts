import { parseAuthReference } from '../auth/oauth/authReferences';
import { HttpSessionError } from '../errors';
import type { FileVariable } from '../parser/types';
import { dotenvCandidates, dotenvLookup, type DotenvCache } from './dotenvLookup';
import { dynamicVariable, splitArguments } from './dynamicVariable';
import { namedReference, parseNamedReference, type JsonCache } from './namedReference';
import { scanTemplate } from './scanTemplate';
import type { Resolver, VariableSources } from './types';

/** Expansion stops with an error past this many characters (nested file variables can double at each level). */
export const MAX_EXPANDED_LENGTH = 100 * 1024 * 1024;

/** Test seams: the clock used by `$timestamp`/`$datetime`. */
export interface ResolverOptions {
  now?: () => Date;
}

/**
 * A resolver over prompt answers, overrides, pre-request script variables, file variables, the environment,
 * session globals, built-ins and named responses (in that
 * order for plain names). Create one per send: file variable values are resolved once and reused, except
 * those that read a named response, which are read afresh so a directive applied after the response sees it.
 * Expanded values are never scanned again, except a file variable's own definition.
 */
export function createResolver(sources: VariableSources, options: ResolverOptions = {}): Resolver {
  const file = sources.filePath;
  const definitions = new Map<string, FileVariable>();
  for (const variable of sources.fileVariables) definitions.set(variable.name, variable);
  const resolvedFileVariables = new Map<string, string>();
  const resolving: string[] = [];
  const dotenvCache: DotenvCache = new Map();
  const jsonCache: JsonCache = new WeakMap();
  let dotenvFiles: string[] | undefined;
  // Counts reads of named responses, which can change while a resolver lives (a response arrives).
  let namedReads = 0;

  const fail = (code: 'UNRESOLVED_VARIABLE', message: string, line: number): HttpSessionError =>
    new HttpSessionError(code, message, { file, line });

  function expand(template: string, line: number): string {
    if (!template.includes('{{')) return template;
    let out = '';
    for (const piece of scanTemplate(template)) {
      out += piece.kind === 'text' ? piece.text : resolveExpression(piece.expression, line);
      if (out.length > MAX_EXPANDED_LENGTH) {
        throw fail('UNRESOLVED_VARIABLE', `Variables on line ${line + 1} expand to more than ${MAX_EXPANDED_LENGTH / 1024 / 1024} MB of text`, line);
      }
    }
    return out;
  }

  function resolveExpression(expression: string, line: number): string {
    if (expression.startsWith('$')) return resolveBuiltin(expression, line);
    if (expression.startsWith('%')) return encodeURIComponent(resolveName(expression.slice(1).trim(), line));
    return resolveName(expression, line);
  }

  function resolveName(name: string, line: number): string {
    const prompted = sources.prompts?.[name];
    if (prompted !== undefined) return prompted;
    if (sources.overrides && Object.prototype.hasOwnProperty.call(sources.overrides, name)) return sources.overrides[name];
    const scripted = sources.requestVariables?.get(name);
    if (scripted !== undefined) return scripted;
    const definition = definitions.get(name);
    if (definition) return resolveFileVariable(definition);
    if (Object.prototype.hasOwnProperty.call(sources.environment, name)) return sources.environment[name];
    const global = sources.globals?.(name);
    if (global !== undefined) return global;
    const reference = parseNamedReference(name);
    if (reference) {
      namedReads++;
      return namedReference(reference, sources.namedResponse(reference.name), { file, line }, jsonCache);
    }
    throw fail('UNRESOLVED_VARIABLE', `Unknown variable '${name}' on line ${line + 1}`, line);
  }

  function resolveFileVariable(definition: FileVariable): string {
    const cached = resolvedFileVariables.get(definition.name);
    if (cached !== undefined) return cached;
    if (resolving.includes(definition.name)) {
      const cycle = [...resolving.slice(resolving.indexOf(definition.name)), definition.name].join(' -> ');
      throw fail('UNRESOLVED_VARIABLE', `Variables refer to each other in a cycle: ${cycle} (line ${definition.line + 1})`, definition.line);
    }
    resolving.push(definition.name);
    const readsBefore = namedReads;
    try {
      const value = expand(definition.value, definition.line);
      if (namedReads === readsBefore) resolvedFileVariables.set(definition.name, value);
      return value;
    } finally {
      resolving.pop();
    }
  }

  function resolveBuiltin(expression: string, line: number): string {
    const auth = parseAuthReference(expression);
    if (auth) return resolveAuth(auth.kind, auth.name, line);
    const [name, ...args] = splitArguments(expression);
    if (name === '$processEnv' || name === '$dotenv') return resolveEnvLookup(name, args, line);
    const value = dynamicVariable(name, args, { file, line }, options.now);
    if (value === undefined) throw fail('UNRESOLVED_VARIABLE', `Unknown variable '${name}' on line ${line + 1}`, line);
    return value;
  }

  function resolveAuth(kind: 'token' | 'idToken', name: string, line: number): string {
    const token = sources.authTokens?.get(name);
    const use = `{{$auth.${kind}("${name}")}} on line ${line + 1}`;
    if (!token) throw fail('UNRESOLVED_VARIABLE', `${use}: no OAuth2 token was fetched for '${name}' (it is read where the request is sent)`, line);
    if (kind === 'token') return token.accessToken;
    if (token.idToken === undefined) throw fail('UNRESOLVED_VARIABLE', `${use}: the token endpoint gave no id_token for '${name}' (ask for the openid scope)`, line);
    return token.idToken;
  }

  function resolveEnvLookup(kind: '$processEnv' | '$dotenv', args: string[], line: number): string {
    if (sources.restricted) {
      throw fail('UNRESOLVED_VARIABLE', `{{${kind}}} on line ${line + 1} is blocked in Restricted Mode: trust the workspace to read environment values`, line);
    }
    if (args.length !== 1) throw fail('UNRESOLVED_VARIABLE', `{{${kind}}} on line ${line + 1} needs one NAME (or %VARIABLE holding the name)`, line);
    const name = args[0].startsWith('%') ? resolveName(args[0].slice(1), line) : args[0];
    if (kind === '$processEnv') {
      const value = sources.processEnv[name];
      if (value === undefined) throw fail('UNRESOLVED_VARIABLE', `Environment variable '${name}' is not set ({{$processEnv}} on line ${line + 1})`, line);
      return value;
    }
    dotenvFiles ??= dotenvCandidates(file, sources.workspaceRoot);
    const value = dotenvLookup(name, dotenvFiles, dotenvCache);
    if (value === undefined) {
      throw fail('UNRESOLVED_VARIABLE', `'${name}' is not defined in ${dotenvFiles.join(', ')} ({{$dotenv}} on line ${line + 1})`, line);
    }
    return value;
  }

  return { expand };
}
