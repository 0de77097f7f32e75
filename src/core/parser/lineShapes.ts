/** Shapes of single lines the block parser tells apart; `at` is the line's first non-space index. */

/** `#…` or `//…`: a comment anywhere, bodies included (REST Client and httpYac drop them; JetBrains allows them). */
export function isCommentLine(line: string, at: number): boolean {
  const c = line.charCodeAt(at);
  return c === 35 /* # */ || (c === 47 /* / */ && line.charCodeAt(at + 1) === 47);
}

/** A line that is just `{{`: httpYac's JavaScript block, up to a line starting with `}}`. */
export function opensScriptBlock(line: string, at: number): boolean {
  return line.startsWith('{{', at) && line.slice(at + 2).trim() === '';
}

/** The `}}` line that closes a `{{` block. */
export function closesScriptBlock(line: string, at: number): boolean {
  return line.startsWith('}}', at);
}

const STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+\d{3}(?:\s|$)/;

/** `HTTP/1.1 200 OK`: a response pasted below a request, up to the next `###`. */
export function isStatusLine(line: string, at: number): boolean {
  return line.startsWith('HTTP/', at) && STATUS_LINE.test(line.slice(at, at + 24));
}

/** `{`/`[` where a header should be: a JSON body written without the blank line (`{{` is a variable, not JSON). */
export function startsJsonBody(line: string, at: number): boolean {
  const c = line.charCodeAt(at);
  return c === 91 /* [ */ || (c === 123 /* { */ && line.charCodeAt(at + 1) !== 123);
}
