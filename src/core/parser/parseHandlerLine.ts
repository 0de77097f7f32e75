/** A JetBrains script or response-handling line we skip: its kind and whether it opens a multi-line `{% … %}`. */
export interface HandlerLine {
  kind: 'response' | 'pre-request';
  opensScript: boolean;
}

/**
 * Recognises JetBrains handler lines at index `at`: `> {% … %}`, `> ./script.js`, `>> ./out.json`,
 * `<> ./previous-response` (response side) and `< {% … %}` (pre-request side). Other lines give undefined,
 * so a body line such as `> quoted text` stays body text.
 */
export function parseHandlerLine(line: string, at: number): HandlerLine | undefined {
  if (line.charCodeAt(at) === 60 /* < */) {
    if (line.charCodeAt(at + 1) === 62 /* > */) return isPathFrom(line, at + 2) ? { kind: 'response', opensScript: false } : undefined;
    const i = skipSpaces(line, at + 1);
    if (line.startsWith('{%', i)) return { kind: 'pre-request', opensScript: line.indexOf('%}', i + 2) < 0 };
    return undefined;
  }
  if (line.charCodeAt(at) !== 62 /* > */) return undefined;
  let start = at + 1;
  if (line.charCodeAt(start) === 62) {
    start++;
    if (line.charCodeAt(start) === 33 /* ! */) start++;
    return isPathFrom(line, start) ? { kind: 'response', opensScript: false } : undefined;
  }
  const i = skipSpaces(line, start);
  if (line.startsWith('{%', i)) return { kind: 'response', opensScript: line.indexOf('%}', i + 2) < 0 };
  return isScriptPath(line, i) ? { kind: 'response', opensScript: false } : undefined;
}

/** `< ./script.js` above a request line is a pre-request script, not a body. */
export function isPreRequestScriptFile(line: string, at: number): boolean {
  return line.charCodeAt(at) === 60 && isScriptPath(line, skipSpaces(line, at + 1));
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
