/** Reading `{% %}` scripts from the text around the cursor (the script being typed may not parse yet). */

/** The kind of script a position is in. */
export type ScriptKind = 'pre-request' | 'response';

const OPENER = /^\s*([<>])\s*\{%/;
const SEPARATOR = /^\s*###/;
/** How far up a script's `{%` is looked for, in lines. */
const LOOK_BACK_LINES = 500;

/**
 * The kind of the `{% %}` script that `column` of 0-based `line` is inside (after `{%`, before its `%}`), or
 * undefined outside every script. `lines(n)` gives line n's text.
 */
export function scriptKindAt(lines: (line: number) => string, line: number, column: number): ScriptKind | undefined {
  for (let i = line; i >= 0 && i > line - LOOK_BACK_LINES; i--) {
    const text = i === line ? lines(i).slice(0, column) : lines(i);
    const close = text.lastIndexOf('%}');
    const opener = OPENER.exec(text);
    const open = opener ? text.indexOf('{%') : -1;
    if (open >= 0 && open > close) return opener![1] === '<' ? 'pre-request' : 'response';
    if (close >= 0 || SEPARATOR.test(text)) return undefined;
  }
  return undefined;
}

/** A dotted member access being typed: `client.global.se` → object `client.global`, prefix `se`. */
export interface MemberAccess {
  /** '' when a bare identifier is typed (a global). */
  object: string;
  prefix: string;
  /** Column where `prefix` starts. */
  start: number;
}

const ACCESS = /(?:^|[^\w$.])((?:[A-Za-z_$][\w$]*\.)*)([A-Za-z_$][\w$]*)?$/;

/** The member access that ends at the end of `before` (the line's text up to the cursor), if any. */
export function memberAccessBefore(before: string): MemberAccess | undefined {
  const match = ACCESS.exec(before);
  if (!match) return undefined;
  const object = match[1].replace(/\.$/, '');
  const prefix = match[2] ?? '';
  if (object === '' && prefix === '') return undefined;
  return { object, prefix, start: before.length - prefix.length };
}

/** The dotted path up to and including the identifier under `column`: in `client.global.set(` on `global` → `client.global`. */
export function memberPathAt(text: string, column: number): { path: string; start: number; end: number } | undefined {
  const isWord = (c: string | undefined): boolean => c !== undefined && /[\w$]/.test(c);
  let end = column;
  while (isWord(text[end])) end++;
  let start = column;
  while (start > 0 && (isWord(text[start - 1]) || (text[start - 1] === '.' && isWord(text[start - 2])))) start--;
  if (start === end || !/[A-Za-z_$]/.test(text[start])) return undefined;
  let wordStart = end;
  while (wordStart > start && isWord(text[wordStart - 1])) wordStart--;
  return { path: text.slice(start, end), start: wordStart, end };
}
