/** Where a directive may stand: above a request (its block), or also in the prologue (before the first `###`, for every request). */
export type DirectivePlacement = 'request' | 'file-or-request';

/** The shape of a directive's value, checked by the parser; 'text' and 'none' take anything (a value after a flag is ignored). */
export type DirectiveValue = 'none' | 'name' | 'text' | 'duration' | 'path';

/** One directive the engine understands. Parser, diagnostics, completion, hover and the README's table read this. */
export interface DirectiveSpec {
  name: string;
  placement: DirectivePlacement;
  value: DirectiveValue;
  /** How it is written, after `# @`: `name NAME`. */
  usage: string;
  /** One line: what it does (hover, completion, README). */
  doc: string;
  /** VS Code snippet inserted after `@`. */
  snippet: string;
}

/**
 * Every directive, in the order completion offers them. To add one: add a row here (the README's table is
 * checked against it by test/unit/parser/directiveTable.test.ts), then read it where it acts.
 */
export const DIRECTIVES: readonly DirectiveSpec[] = [
  { name: 'name', placement: 'request', value: 'name', usage: 'name NAME', doc: 'Names the request; its last response is kept in the session for {{NAME.response.body.$.path}}.', snippet: 'name ${1:login}' },
  { name: 'session-header', placement: 'file-or-request', value: 'text', usage: 'session-header Name: value', doc: 'Sets a session default header, sent with every later request of the session.', snippet: 'session-header ${1:Authorization}: ${2:Bearer {{${3:login}.response.body.\\$.${4:token}}}}' },
  { name: 'session-auth', placement: 'file-or-request', value: 'text', usage: 'session-auth basic USER PASS', doc: "Sets the session's Authorization default: basic USER PASS, digest USER PASS or bearer TOKEN.", snippet: 'session-auth ${1|basic,digest,bearer|} ${2}' },
  { name: 'session-param', placement: 'file-or-request', value: 'text', usage: 'session-param NAME VALUE', doc: "Adds a default query parameter to every later request of the session (s.params); a request's own parameter of that name wins.", snippet: 'session-param ${1:api-version} ${2:2024-01}' },
  { name: 'no-session-header', placement: 'request', value: 'text', usage: 'no-session-header NAME', doc: 'Leaves one session default header out of this request.', snippet: 'no-session-header ${1:Authorization}' },
  { name: 'session', placement: 'file-or-request', value: 'name', usage: 'session NAME', doc: 'Runs this request in another named session (its own cookies, defaults and responses).', snippet: 'session ${1:admin}' },
  { name: 'no-cookie-jar', placement: 'request', value: 'none', usage: 'no-cookie-jar', doc: 'This request neither sends jar cookies nor stores the cookies it receives.', snippet: 'no-cookie-jar' },
  { name: 'no-redirect', placement: 'request', value: 'none', usage: 'no-redirect', doc: 'Shows the redirect response itself instead of following it.', snippet: 'no-redirect' },
  { name: 'timeout', placement: 'request', value: 'duration', usage: 'timeout 5000', doc: 'Timeout of this request in ms (also 5s, 2m; 0 = none), instead of httpSession.request.timeout.', snippet: 'timeout ${1:5000}' },
  { name: 'retry', placement: 'request', value: 'text', usage: 'retry N', doc: 'Retries this request (GET, HEAD, PUT, DELETE, OPTIONS, TRACE) up to N times on no response or 502/503/504, with backoff, instead of httpSession.request.retries.', snippet: 'retry ${1:3}' },
  { name: 'insecure', placement: 'request', value: 'none', usage: 'insecure', doc: 'Accepts any TLS certificate for this request (self-signed test servers only).', snippet: 'insecure' },
  { name: 'prompt', placement: 'request', value: 'text', usage: 'prompt NAME [description]', doc: 'Asks for a value before sending: # @prompt NAME [description]; masked for password-like names.', snippet: 'prompt ${1:name} ${2:description}' },
  { name: 'note', placement: 'request', value: 'text', usage: 'note [text]', doc: 'Asks for confirmation before sending this request (the CLI asks on a terminal, or takes --yes).', snippet: 'note ${1}' },
  { name: 'no-log', placement: 'request', value: 'none', usage: 'no-log', doc: 'Keeps this request and its response out of the log and the history.', snippet: 'no-log' },
  { name: 'ref', placement: 'request', value: 'name', usage: 'ref NAME', doc: 'Sends the request named NAME first when the session holds no response of it yet (httpYac).', snippet: 'ref ${1:login}' },
  { name: 'forceRef', placement: 'request', value: 'name', usage: 'forceRef NAME', doc: 'Sends the request named NAME first, every time (httpYac).', snippet: 'forceRef ${1:login}' },
  { name: 'import', placement: 'file-or-request', value: 'path', usage: 'import ./other.http', doc: "Makes the named requests of another .http file (relative to this one) available to @ref and @forceRef.", snippet: 'import ./${1:other}.http' },
];

const BY_NAME: ReadonlyMap<string, DirectiveSpec> = new Map(DIRECTIVES.map((d) => [d.name, d]));

/** The directive called `name` (without `@`), if the engine understands it. */
export function directiveSpec(name: string): DirectiveSpec | undefined {
  return BY_NAME.get(name);
}

/** A request or session name: what `{{NAME.response…}}` can refer to. */
export const REQUEST_NAME = /^[A-Za-z_][\w-]*$/;
// As parseTimeout reads it at run time.
const DURATION = /^\d+(?:\.\d+)?\s*(?:ms|s|m)?$/i;

/** Why `value` does not fit `spec`'s value grammar, or undefined when it does. */
export function directiveValueProblem(spec: DirectiveSpec, value: string): string | undefined {
  switch (spec.value) {
    case 'name':
      return REQUEST_NAME.test(value) ? undefined : `@${spec.name} needs a name of letters, digits, '_' or '-', such as '# @${spec.usage.replace('NAME', 'login')}'`;
    case 'duration':
      return DURATION.test(value) ? undefined : `@${spec.name} needs a duration such as 5000 (ms), 5s or 2m`;
    case 'path':
      return value !== '' ? undefined : `@${spec.name} needs a file path, such as '# @${spec.usage}'`;
    default:
      return undefined;
  }
}

/** The README row of `spec`: `| \`# @usage\` | doc |`. */
export function directiveReadmeRow(spec: DirectiveSpec): string {
  return `| \`# @${spec.usage}\` | ${spec.doc.replace(/\|/g, '\\|')} |`;
}
