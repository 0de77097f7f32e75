/** The words of one shell command line, as a POSIX shell would pass them to the program. */
export interface ShellWords {
  words: string[];
  /** Text after an unquoted `|`, `;`, `&`, `>` or `<` that ended the command (ignored), or undefined. */
  rest?: string;
  /** Set when the text cannot be split (an unterminated quote); `words` then holds what was read. */
  error?: string;
}

const ANSI_C: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/**
 * Splits `text` into words like a POSIX shell (bash's `$'…'` too): single quotes literal, double quotes with
 * `\` escaping only `$ \` " \\` and newline, backslash-newline as a line continuation, `#` comments.
 * Nothing is expanded (`$VAR` stays as written). Stops at the first unquoted `|`, `;`, `&`, `<` or `>`.
 */
export function shellWords(text: string): ShellWords {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  const push = (): void => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      push();
      i++;
    } else if (c === '\\') {
      const next = text[i + 1];
      if (next === '\n') i += 2;
      else if (next === '\r' && text[i + 2] === '\n') i += 3;
      else if (next === undefined) i++;
      else {
        word = (word ?? '') + next;
        i += 2;
      }
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return { words: [...words, (word ?? '') + text.slice(i + 1)], error: 'A single quote is not closed.' };
      word = (word ?? '') + text.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      const read = doubleQuoted(text, i + 1);
      word = (word ?? '') + read.value;
      if (read.end < 0) return { words: [...words, word], error: 'A double quote is not closed.' };
      i = read.end + 1;
    } else if (c === '$' && text[i + 1] === "'") {
      const read = ansiC(text, i + 2);
      word = (word ?? '') + read.value;
      if (read.end < 0) return { words: [...words, word], error: "A $' quote is not closed." };
      i = read.end + 1;
    } else if (c === '#' && word === undefined) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if ('|;&<>'.includes(c)) {
      push();
      return { words, rest: text.slice(i) };
    } else {
      word = (word ?? '') + c;
      i++;
    }
  }
  push();
  return { words };
}

/** Reads a `"…"` body from `start`; `end` is the closing quote's index, -1 when unterminated. */
function doubleQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return { value, end: i };
    if (c === '\\' && i + 1 < text.length) {
      const next = text[i + 1];
      if (next === '\n') { i++; continue; }
      if ('$`"\\'.includes(next)) { value += next; i++; continue; }
    }
    value += c;
  }
  return { value, end: -1 };
}

/** Reads a bash `$'…'` body from `start` with its C escapes; `end` is the closing quote's index, -1 when unterminated. */
function ansiC(text: string, start: number): { value: string; end: number } {
  let value = '';
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === "'") return { value, end: i };
    if (c !== '\\' || i + 1 >= text.length) { value += c; continue; }
    const next = text[i + 1];
    const escape = /^(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|[0-7]{1,3})/.exec(text.slice(i + 1, i + 10))?.[0];
    if (escape) {
      const radix = /^[0-7]/.test(escape) ? 8 : 16;
      const digits = radix === 8 ? escape : escape.slice(1);
      value += String.fromCodePoint(parseInt(digits, radix));
      i += escape.length;
    } else if (ANSI_C[next] !== undefined) {
      value += ANSI_C[next];
      i++;
    } else {
      value += c + next;
      i++;
    }
  }
  return { value, end: -1 };
}
