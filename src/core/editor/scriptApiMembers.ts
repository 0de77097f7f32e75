/**
 * The JetBrains script API as the editor documents it: one row per member, for completion and hover inside
 * `{% %}`. A unit test runs every row through the real sandbox (src/core/scripts), so a member added there
 * and missing here, or documented here and missing there, fails the build.
 */

/** Where a member exists: in both script kinds, or only in a pre-request script or a response handler. */
export type ScriptKindScope = 'both' | 'pre-request' | 'response';

/** One member of the script API. */
export interface ScriptApiMember {
  /** Dotted path from the global: `client.global.set`. */
  path: string;
  kind: 'object' | 'method' | 'property';
  /** How it is called or what it holds: `set(name: string, value: any): void`. */
  signature: string;
  /** One or two plain sentences. */
  doc: string;
  scope: ScriptKindScope;
}

const m = (path: string, kind: ScriptApiMember['kind'], signature: string, doc: string, scope: ScriptKindScope = 'both'): ScriptApiMember =>
  ({ path, kind, signature, doc, scope });

const HASH = 'Start a digest: chain `.updateWithText(t)` / `.updateWithHex(h)` / `.updateWithBase64(b)`, then `.digest().toHex()` or `.toBase64(urlSafe?)`.';
const HMAC = 'Start an HMAC: `.withTextSecret(s)` / `.withHexSecret(h)` / `.withBase64Secret(b)`, then the updates and `.digest()` as for a hash.';
const ALGORITHMS = ['sha1', 'sha256', 'sha384', 'sha512', 'md5'];

/** Every member of the API, objects before their members. */
export const SCRIPT_API: readonly ScriptApiMember[] = [
  m('client', 'object', 'client', 'The HTTP client: globals kept in the session, tests, assertions and log output.'),
  m('client.global', 'object', 'client.global', 'Globals: kept in the session the request ran in; every later request of every file can send them as `{{name}}`.'),
  m('client.global.set', 'method', 'set(name: string, value: any): void', 'Keep `value` (as text; objects as JSON) under `name` in the session.'),
  m('client.global.get', 'method', 'get(name: string): string | null', 'The global `name`, or `null` when the session has none.'),
  m('client.global.isEmpty', 'method', 'isEmpty(): boolean', 'True when the session holds no globals.'),
  m('client.global.clear', 'method', 'clear(name: string): void', 'Remove the global `name` from the session.'),
  m('client.global.clearAll', 'method', 'clearAll(): void', 'Remove every global from the session.'),
  m('client.test', 'method', 'test(name: string, fn: () => void): void', 'Register a test; it runs after the script\'s own code, and passes unless `fn` throws.'),
  m('client.assert', 'method', 'assert(condition: any, message?: string): void', 'Throw (failing the test it is in) with `message` when `condition` is falsy.'),
  m('client.log', 'method', 'log(...values: any[]): void', 'Write a line of script output (objects as JSON): the Tests tab, the Testing view\'s output and the CLI show it.'),
  m('client.exit', 'method', 'exit(): void', 'End the script here; tests registered so far still run.'),

  m('response', 'object', 'response', 'The response this handler runs for.', 'response'),
  m('response.status', 'property', 'status: number', 'The status code, e.g. 200.', 'response'),
  m('response.body', 'property', 'body: object | string', 'The body: parsed when the content type is JSON (`application/json`, `*+json`), else the text.', 'response'),
  m('response.headers', 'object', 'response.headers', 'The response headers; names are case-insensitive.', 'response'),
  m('response.headers.valueOf', 'method', 'valueOf(name: string): string | null', 'The first value of header `name`, or `null`.', 'response'),
  m('response.headers.valuesOf', 'method', 'valuesOf(name: string): string[]', 'Every value of header `name` (maybe none).', 'response'),
  m('response.contentType', 'object', 'response.contentType', 'The Content-Type header, split.', 'response'),
  m('response.contentType.mimeType', 'property', 'mimeType: string', 'The media type, lower-cased, e.g. `application/json` (\'\' when absent).', 'response'),
  m('response.contentType.charset', 'property', 'charset: string', 'The charset parameter (\'\' when absent).', 'response'),

  m('request', 'object', 'request', 'The request: its variables, environment, method, headers, URL and body.'),
  m('request.variables', 'object', 'request.variables', 'Request variables: set in a pre-request script, they feed this request and outrank file variables.'),
  m('request.variables.set', 'method', 'set(name: string, value: any): void', 'Set `{{name}}` for this request.'),
  m('request.variables.get', 'method', 'get(name: string): string | null', 'A request variable, or `null`.'),
  m('request.environment', 'object', 'request.environment', 'The selected environment (http-client.env.json).'),
  m('request.environment.get', 'method', 'get(name: string): string | null', 'The environment\'s value for `name`, or `null`.'),
  m('request.method', 'property', 'method: string', 'The method, upper-case.'),
  m('request.headers', 'object', 'request.headers', 'The request\'s headers.'),
  m('request.headers.all', 'method', 'all(): RequestHeader[]', 'Every header: `{ name, value, getRawValue(), tryGetSubstitutedValue() }`.'),
  m('request.headers.findByName', 'method', 'findByName(name: string): RequestHeader | null', 'The first header called `name` (case-insensitive), or `null`.'),
  m('request.url', 'object', 'request.url', 'The URL: `getRaw()` as written, `tryGetSubstituted()` with variables resolved.', 'pre-request'),
  m('request.url.getRaw', 'method', 'getRaw(): string', 'The URL as written, `{{…}}` kept.', 'pre-request'),
  m('request.url.tryGetSubstituted', 'method', 'tryGetSubstituted(): string', 'The URL with the variables known so far resolved.', 'pre-request'),
  m('request.body', 'object', 'request.body', 'The body: `getRaw()` as written, `tryGetSubstituted()` with variables resolved.', 'pre-request'),
  m('request.body.getRaw', 'method', 'getRaw(): string', 'The body as written, `{{…}}` kept.', 'pre-request'),
  m('request.body.tryGetSubstituted', 'method', 'tryGetSubstituted(): string', 'The body with the variables known so far resolved.', 'pre-request'),
  m('request.url', 'method', 'url(): string', 'The URL as it was sent.', 'response'),
  m('request.body', 'method', 'body(): string', 'The body as it was sent.', 'response'),

  m('crypto', 'object', 'crypto', 'Hashes and HMACs: `crypto.sha256().updateWithText("x").digest().toHex()`.'),
  ...ALGORITHMS.map((a) => m(`crypto.${a}`, 'method', `${a}(): Hasher`, HASH)),
  m('crypto.hmac', 'object', 'crypto.hmac', 'HMACs: `crypto.hmac.sha256().withTextSecret(key).updateWithText(msg).digest().toHex()`.'),
  ...ALGORITHMS.map((a) => m(`crypto.hmac.${a}`, 'method', `${a}(): Hmac`, HMAC)),

  m('$random', 'object', '$random', 'Random values.'),
  m('$random.uuid', 'property', 'uuid: string', 'A new random UUID (v4) each time it is read.'),
  m('$random.email', 'property', 'email: string', 'A random e-mail address, e.g. `kqjzuwhbvd@xqfwmoyt.com`.'),
  m('$random.alphabetic', 'method', 'alphabetic(length: number): string', '`length` random letters.'),
  m('$random.alphanumeric', 'method', 'alphanumeric(length: number): string', '`length` random letters, digits and underscores.'),
  m('$random.hexadecimal', 'method', 'hexadecimal(length: number): string', '`length` random hex digits.'),
  m('$random.integer', 'method', 'integer(from?: number, to?: number): number', 'A random integer, `from` inclusive to `to` exclusive (default 0 to 1000).'),
  m('$random.float', 'method', 'float(from?: number, to?: number): number', 'A random number, `from` inclusive to `to` exclusive (default 0 to 1000).'),

  m('Window', 'object', 'Window', 'Browser-style helpers: `Window.atob`, `Window.btoa`.'),
  m('Window.atob', 'method', 'atob(base64: string): string', 'Decode Base64 to text.'),
  m('Window.btoa', 'method', 'btoa(text: string): string', 'Encode text as Base64.'),
  m('atob', 'method', 'atob(base64: string): string', 'Decode Base64 to text.'),
  m('btoa', 'method', 'btoa(text: string): string', 'Encode text as Base64.'),
  m('jsonPath', 'method', 'jsonPath(value: any, path: string): any', 'The value at JSONPath `path` in `value`, e.g. `jsonPath(response.body, "$.items[0].id")`.'),
];

/** The members directly below `objectPath` ('' = the globals) that exist in a script of `scriptKind`. */
export function membersOf(objectPath: string, scriptKind: 'pre-request' | 'response'): ScriptApiMember[] {
  const depth = objectPath === '' ? 0 : objectPath.split('.').length;
  return SCRIPT_API.filter((member) => {
    if (member.scope !== 'both' && member.scope !== scriptKind) return false;
    const parts = member.path.split('.');
    return parts.length === depth + 1 && parts.slice(0, depth).join('.') === objectPath;
  });
}

/** The member at `path` in a script of `scriptKind`, if the API has one. */
export function scriptApiMember(path: string, scriptKind: 'pre-request' | 'response'): ScriptApiMember | undefined {
  return SCRIPT_API.find((member) => member.path === path && (member.scope === 'both' || member.scope === scriptKind));
}
