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
 * The one JSON pretty-printer (the CLI and the editor's response view use it): JSON text laid out as
 * JSON.stringify(value, null, 2) lays it out, but with every string, number and literal kept exactly as the
 * server wrote it (`1.0`, `1e3`, integers past 2^53 and `\u00e9` escapes stay as they are), without parsing
 * it into objects. Yields the pretty text in chunks of about `chunkChars` characters, each ending where a
 * line break goes (the break itself left out), so a large body is printed without holding its whole pretty
 * form. Returns true when the text was one JSON value; at the first place it is not (HTML sent as JSON, a
 * cut body, a stray word) it stops and returns false, having yielded only what came before. The check is of
 * structure (brackets, separators, atoms); strings are taken as written. With `emit` false nothing is
 * yielded and only the check is made.
 */
export function* prettyJsonChunks(text: string, chunkChars = 64 * 1024, emit = true): Generator<string, boolean> {
  let parts: string[] = [];
  let size = 0;
  let depth = 0;
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
    if (isValue !== wantValue) return false;
    if (code === QUOTE) {
      const end = stringEnd(text, at);
      if (end === text.length) return false;
      if (emit) { parts.push(text.slice(at, end + 1)); size += end + 1 - at; }
      at = end + 1;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      const next = nextSignificant(text, at + 1);
      if (text.charCodeAt(next) === code + 2) {
        if (emit) { parts.push(code === OPEN_OBJECT ? '{}' : '[]'); size += 2; }
        at = next + 1;
      } else {
        open.push(code + 2);
        depth = open.length;
        if (emit) { const b = breakAt(depth); parts.push(code === OPEN_OBJECT ? '{' : '[', b); size += 1 + b.length; }
        at++;
        wantValue = true;
        continue;
      }
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      if (open.pop() !== code) return false;
      depth = open.length;
      if (emit) { const b = breakAt(depth); parts.push(b, code === CLOSE_OBJECT ? '}' : ']'); size += 1 + b.length; }
      at++;
    } else if (code === COMMA || code === COLON) {
      if (open.length === 0) return false;
      at++;
      wantValue = true;
      if (code === COLON) {
        if (emit) { parts.push(': '); size += 2; }
        continue;
      }
      if (!emit) continue;
      if (size + 1 >= chunkChars) {
        // A chunk ends where this comma's line break would go; the next one starts with the indentation.
        parts.push(',');
        yield parts.join('');
        const indent = breakAt(depth).slice(1);
        parts = [indent];
        size = indent.length;
      } else {
        const b = breakAt(depth);
        parts.push(',', b);
        size += 1 + b.length;
      }
      continue;
    } else {
      let end = at + 1;
      while (end < text.length && !endsAtom(text.charCodeAt(end))) end++;
      const atom = text.slice(at, end);
      if (!ATOM.test(atom)) return false;
      if (emit) { parts.push(atom); size += atom.length; }
      at = end;
    }
    wantValue = false;
  }
  if (open.length > 0 || wantValue) return false;
  if (emit) yield parts.join('');
  return true;
}

/**
 * JSON text pretty-printed (prettyJsonChunks' layout, in one text); undefined when the text is not one JSON
 * value, so the caller shows it as is.
 */
export function prettyJsonText(text: string): string | undefined {
  const chunks = prettyJsonChunks(text, Infinity);
  let pretty = '';
  for (let step = chunks.next(); ; step = chunks.next()) {
    if (step.done) return step.value ? pretty : undefined;
    pretty += step.value;
  }
}

/** True when `text` is one JSON value by prettyJsonChunks' check (nothing is built). */
export function isJsonValue(text: string): boolean {
  const check = prettyJsonChunks(text, Infinity, false);
  for (let step = check.next(); ; step = check.next()) if (step.done) return step.value;
}
