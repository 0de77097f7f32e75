import { HttpSessionError } from '../errors';
import type { Directive } from '../parser/types';
import { expandChecked } from '../variables/expandChecked';
import type { Resolver } from '../variables/types';
import type { Session } from '../session/session';

/** A resolved `@session-header` / `@session-auth` statement (the default header it sets) or `@session-param` (`kind: 'param'`). */
export interface SessionStatement {
  name: string;
  value: string;
  line: number;
  /** 'param' for a default query parameter; absent for a default header. */
  kind?: 'param';
}

/** Applies one statement to the session: a default header, or a default query parameter. */
export function applyStatement(session: Session, statement: SessionStatement): void {
  if (statement.kind === 'param') session.setDefaultParam(statement.name, statement.value);
  else session.setDefaultHeader(statement.name, statement.value);
}

/**
 * Resolves the `@session-header Name: value`, `@session-auth basic USER PASS | digest USER PASS | bearer TOKEN`
 * and `@session-param NAME VALUE` statements
 * among `directives`, in order. Throws HttpSessionError (PARSE for a malformed statement, INVALID_HEADER when
 * a value holds a control character, UNRESOLVED_VARIABLE/REFERENCE from the resolver) naming file and line.
 */
export function sessionStatements(directives: Directive[], resolver: Resolver, file: string): SessionStatement[] {
  const statements: SessionStatement[] = [];
  for (const directive of directives) {
    if (directive.name === 'session-header') statements.push(sessionHeader(directive, resolver, file));
    if (directive.name === 'session-auth') statements.push(sessionAuth(directive, resolver, file));
    if (directive.name === 'session-param') statements.push(sessionParam(directive, resolver, file));
  }
  return statements;
}

function sessionHeader(directive: Directive, resolver: Resolver, file: string): SessionStatement {
  const colon = directive.value.indexOf(':');
  const name = colon > 0 ? directive.value.slice(0, colon).trim() : '';
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) {
    throw new HttpSessionError('PARSE', `@session-header needs "Name: value", not "${directive.value}".`, { file, line: directive.line });
  }
  return { name, value: expand(directive.value.slice(colon + 1).trim(), directive, resolver, file), line: directive.line };
}

function sessionParam(directive: Directive, resolver: Resolver, file: string): SessionStatement {
  const match = /^(\S+)(?:\s+(.*))?$/.exec(directive.value.trim());
  if (!match) throw new HttpSessionError('PARSE', '@session-param needs "NAME VALUE", not an empty line.', { file, line: directive.line });
  const value = expandChecked(resolver, match[2] ?? '', directive.line, (problem) => new HttpSessionError(
    'INVALID_HEADER', `@session-param would hold ${problem.what}${problem.variable ? ` from ${problem.variable}` : ''}; nothing was sent.`, { file, line: directive.line },
  ));
  return { name: expand(match[1], directive, resolver, file), value, line: directive.line, kind: 'param' };
}

function sessionAuth(directive: Directive, resolver: Resolver, file: string): SessionStatement {
  const [scheme = '', ...args] = directive.value.trim().split(/\s+/);
  // Each argument is resolved on its own so a password with spaces stays one argument.
  const values = args.map((arg) => expand(arg, directive, resolver, file));
  const lower = scheme.toLowerCase();
  if (lower === 'bearer' && values.length === 1) return { name: 'Authorization', value: `Bearer ${values[0]}`, line: directive.line };
  if (lower === 'basic' && (values.length === 2 || (values.length === 1 && values[0].includes(':')))) {
    const pair = values.length === 2 ? `${values[0]}:${values[1]}` : values[0];
    return { name: 'Authorization', value: `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`, line: directive.line };
  }
  // The Digest answer is computed per request by the digest send wrapper, from this REST Client form.
  // The password is the rest of the line (REST Client's form lets it hold spaces).
  if (lower === 'digest' && values.length >= 2) return { name: 'Authorization', value: `Digest ${values.join(' ')}`, line: directive.line };
  throw new HttpSessionError('PARSE', `@session-auth needs "basic USER PASS", "digest USER PASS" or "bearer TOKEN", not "${directive.value}".`, { file, line: directive.line });
}

function expand(template: string, directive: Directive, resolver: Resolver, file: string): string {
  return expandChecked(resolver, template, directive.line, (problem) => new HttpSessionError(
    'INVALID_HEADER',
    `@${directive.name} would hold ${problem.what}${problem.variable ? ` from ${problem.variable}` : ''}; nothing was sent.`,
    { file, line: directive.line },
  ), { header: true });
}
