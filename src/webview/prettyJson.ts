import type { CodeLine, TokenKind } from './codeLine';

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** A source of display lines, read a batch at a time so a large document starts rendering at once. */
export interface LineSource {
  /** Up to `max` further lines; an empty array once everything was read. */
  next(max: number): CodeLine[];
}

/** Wraps ready-made lines as a LineSource. */
export function arraySource(lines: CodeLine[]): LineSource {
  let at = 0;
  return { next: (max) => lines.slice(at, (at = Math.min(lines.length, at + max))) };
}

/**
 * Re-indents JSON text into coloured lines without turning it into values, so numbers, key order and
 * duplicate keys are shown exactly as received. Lines are produced on demand; undefined when not JSON.
 */
export function prettyJson(text: string): LineSource | undefined {
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  const scanner = new JsonScanner(text);
  return { next: (max) => scanner.next(max) };
}

/** All lines at once (tests, small documents). */
export function prettyJsonLines(text: string): CodeLine[] | undefined {
  const source = prettyJson(text);
  return source?.next(Number.MAX_SAFE_INTEGER);
}

/** A resumable scanner over text already known to be valid JSON. */
class JsonScanner {
  private i = 0;
  private depth = 0;
  private line: CodeLine = { indent: 0, tokens: [] };

  constructor(private readonly text: string) {}

  next(max: number): CodeLine[] {
    const lines: CodeLine[] = [];
    const { text } = this;
    const n = text.length;
    const newLine = (indent: number): void => {
      if (this.line.tokens.length) lines.push(this.line);
      this.line = { indent, tokens: [] };
    };
    while (lines.length < max) {
      this.skipSpace();
      if (this.i >= n) {
        newLine(0);
        break;
      }
      const c = text[this.i];
      const tokens = this.line.tokens;
      if (c === '{' || c === '[') {
        tokens.push(['punct', c]);
        this.i++;
        this.skipSpace();
        if (text[this.i] === (c === '{' ? '}' : ']')) tokens.push(['punct', text[this.i++]]);
        else newLine(++this.depth);
      } else if (c === '}' || c === ']') {
        newLine(--this.depth);
        this.line.tokens.push(['punct', c]);
        this.i++;
      } else if (c === ',') {
        tokens.push(['punct', ',']);
        newLine(this.depth);
        this.i++;
      } else if (c === ':') {
        tokens.push(['punct', ': ']);
        this.i++;
      } else if (c === '"') {
        const end = stringEnd(text, this.i);
        const token = text.slice(this.i, end);
        this.i = end;
        this.skipSpace();
        tokens.push([text[this.i] === ':' ? 'key' : 'string', token]);
      } else {
        const token = literalAt(text, this.i);
        tokens.push([token.kind, token.text]);
        this.i += token.text.length;
      }
    }
    return lines;
  }

  private skipSpace(): void {
    const { text } = this;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return;
      this.i++;
    }
  }
}

/** Index just past the closing quote of the string starting at `start` (the text is valid JSON). */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c === 92) i++;
  }
  return text.length;
}

function literalAt(text: string, i: number): { kind: TokenKind; text: string } {
  const c = text[i];
  if (c === 't') return { kind: 'literal', text: 'true' };
  if (c === 'f') return { kind: 'literal', text: 'false' };
  if (c === 'n') return { kind: 'literal', text: 'null' };
  NUMBER.lastIndex = i;
  return { kind: 'number', text: NUMBER.exec(text)?.[0] ?? c };
}
