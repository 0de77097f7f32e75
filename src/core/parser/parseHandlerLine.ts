/**
 * A JetBrains script or response-handling line: `> {% … %}` / `> ./handler.js` (response handler),
 * `< {% … %}` / `< ./pre.js` (pre-request), `>> ./out` / `>>! ./out` (save the body), `<> ./previous` (a
 * previous response, ignored). For `{%` the code after it on this line and whether `%}` closes it here.
 */
export type HandlerLine =
  | { kind: 'response' | 'pre-request'; form: 'inline'; code: string; codeColumn: number; closed: boolean }
  | { kind: 'response' | 'pre-request'; form: 'file'; path: string }
  | { kind: 'response'; form: 'save'; path: string; overwrite: boolean }
  | { kind: 'response'; form: 'previous' };

/**
 * Recognises JetBrains handler lines at index `at`: `> {% … %}`, `> ./script.js`, `>> ./out.json`,
 * `<> ./previous-response` (response side) and `< {% … %}` (pre-request side). Other lines give undefined,
 * so a body line such as `> quoted text` stays body text. `< ./pre.js` is only a script above the request
 * line (below it, it is a body file): see `isPreRequestScriptFile`.
 */
export function parseHandlerLine(line: string, at: number): HandlerLine | undefined {
  if (line.charCodeAt(at) === 60 /* < */) {
    if (line.charCodeAt(at + 1) === 62 /* > */) return isPathFrom(line, at + 2) ? { kind: 'response', form: 'previous' } : undefined;
    const i = skipSpaces(line, at + 1);
    return line.startsWith('{%', i) ? inline('pre-request', line, i) : undefined;
  }
  if (line.charCodeAt(at) !== 62 /* > */) return undefined;
  let start = at + 1;
  if (line.charCodeAt(start) === 62) {
    start++;
    const overwrite = line.charCodeAt(start) === 33; /* ! */
    if (overwrite) start++;
    return isPathFrom(line, start) ? { kind: 'response', form: 'save', path: line.slice(start).trim(), overwrite } : undefined;
  }
  const i = skipSpaces(line, start);
  if (line.startsWith('{%', i)) return inline('response', line, i);
  return isScriptPath(line, i) ? { kind: 'response', form: 'file', path: line.slice(i).trimEnd() } : undefined;
}

/** `< ./script.js` above a request line is a pre-request script, not a body: its path, or undefined. */
export function preRequestScriptFile(line: string, at: number): string | undefined {
  if (line.charCodeAt(at) !== 60) return undefined;
  const i = skipSpaces(line, at + 1);
  return isScriptPath(line, i) ? line.slice(i).trimEnd() : undefined;
}

/** True for `< ./script.js` (kept for callers that only ask whether). */
export function isPreRequestScriptFile(line: string, at: number): boolean {
  return preRequestScriptFile(line, at) !== undefined;
}

/** The end of a multi-line script's code on a line holding `%}`, or -1. */
export function scriptEnd(line: string): number {
  return line.indexOf('%}');
}

function inline(kind: 'response' | 'pre-request', line: string, open: number): HandlerLine {
  const codeColumn = open + 2;
  const close = line.indexOf('%}', codeColumn);
  return close < 0
    ? { kind, form: 'inline', code: line.slice(codeColumn), codeColumn, closed: false }
    : { kind, form: 'inline', code: line.slice(codeColumn, close), codeColumn, closed: true };
}

function isPathFrom(line: string, from: number): boolean {
  const i = skipSpaces(line, from);
  return i > from && i < line.length;
}

function isScriptPath(line: string, i: number): boolean {
  const rest = line.slice(i).trimEnd();
  return rest.length > 0 && !/\s/.test(rest) && (rest.endsWith('.js') || rest.startsWith('./') || rest.startsWith('../'));
}

function skipSpaces(line: string, from: number): number {
  let i = from;
  while (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9) i++;
  return i;
}
