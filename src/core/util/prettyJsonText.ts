const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const indents: string[] = ['\n'];
/** A line break and `depth` levels of 2-space indentation, made once per depth. */
function breakAt(depth: number): string {
  for (let d = indents.length; d <= depth; d++) indents[d] = `${indents[d - 1]}  `;
  return indents[depth];
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** True for the characters that end a number or literal: whitespace and JSON's punctuation. */
function endsAtom(code: number): boolean {
  return isWhitespace(code) || code === COMMA || code === COLON || code === CLOSE_OBJECT || code === CLOSE_ARRAY
    || code === OPEN_OBJECT || code === OPEN_ARRAY || code === QUOTE;
}

/** Index of the quote closing the string that opens at `start`, or the text's length when it never closes. */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  for (;;) {
    at = text.indexOf('"', at);
    if (at < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
    at++;
  }
}

/** Index of the first character from `from` on that is not JSON whitespace (the text's length if none). */
function nextSignificant(text: string, from: number): number {
  let at = from;
  while (at < text.length && isWhitespace(text.charCodeAt(at))) at++;
  return at;
}

const ATOM = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;

/**
 * JSON text pretty-printed with 2-space indentation, laid out as JSON.stringify(value, null, 2) lays it out,
 * but with every string, number and literal kept exactly as the server wrote it (`1.0`, `1e3`, integers past
 * 2^53 and `\u00e9` escapes stay as they are). Whitespace between tokens is dropped and redone. Undefined when
 * the text is not one JSON value (HTML sent as JSON, a cut body, a stray word), so the caller shows it as is;
 * the check is of structure (brackets, separators, atoms), strings are taken as written.
 */
export function prettyJsonText(text: string): string | undefined {
  let out = '';
  const open: number[] = [];
  // True where a value may come (the start, after `[`, `,` and `:`); false where a separator or close must.
  let wantValue = true;
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (isWhitespace(code)) {
      at++;
      continue;
    }
    const isValue = code !== COMMA && code !== COLON && code !== CLOSE_OBJECT && code !== CLOSE_ARRAY;
    if (isValue !== wantValue) return undefined;
    if (code === QUOTE) {
      const end = stringEnd(text, at);
      if (end === text.length) return undefined;
      out += text.slice(at, end + 1);
      at = end + 1;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      const next = nextSignificant(text, at + 1);
      if (text.charCodeAt(next) === code + 2) {
        out += code === OPEN_OBJECT ? '{}' : '[]';
        at = next + 1;
      } else {
        open.push(code + 2);
        out += (code === OPEN_OBJECT ? '{' : '[') + breakAt(open.length);
        at++;
        wantValue = true;
        continue;
      }
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      if (open.pop() !== code) return undefined;
      out += breakAt(open.length) + (code === CLOSE_OBJECT ? '}' : ']');
      at++;
    } else if (code === COMMA || code === COLON) {
      if (open.length === 0) return undefined;
      out += code === COMMA ? `,${breakAt(open.length)}` : ': ';
      at++;
      wantValue = true;
      continue;
    } else {
      let end = at + 1;
      while (end < text.length && !endsAtom(text.charCodeAt(end))) end++;
      const atom = text.slice(at, end);
      if (!ATOM.test(atom)) return undefined;
      out += atom;
      at = end;
    }
    wantValue = false;
  }
  return open.length === 0 && !wantValue ? out : undefined;
}
