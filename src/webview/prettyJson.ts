import type { CodeLine, TokenKind } from './codeLine';

const TOKEN = /\s*("(?:[^"\\\n]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[{}[\],:])/y;

/**
 * Re-indents JSON text into coloured lines without parsing it into values, so numbers, key order and
 * duplicate keys are shown exactly as received. Returns undefined when the text is not JSON.
 */
export function prettyJson(text: string): CodeLine[] | undefined {
  const tokens = scan(text);
  if (!tokens || tokens.length === 0) return undefined;
  const lines: CodeLine[] = [];
  let line: CodeLine = { indent: 0, tokens: [] };
  let depth = 0;
  const newLine = (indent: number): void => {
    if (line.tokens.length) lines.push(line);
    line = { indent, tokens: [] };
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    if (token === '{' || token === '[') {
      line.tokens.push(['punct', token]);
      if (next === (token === '{' ? '}' : ']')) {
        line.tokens.push(['punct', next]);
        i++;
      } else newLine(++depth);
    } else if (token === '}' || token === ']') {
      newLine(--depth);
      line.tokens.push(['punct', token]);
    } else if (token === ',') {
      line.tokens.push(['punct', ',']);
      newLine(depth);
    } else if (token === ':') {
      line.tokens.push(['punct', ': ']);
    } else line.tokens.push([kindOf(token, next), token]);
  }
  newLine(0);
  return depth === 0 ? lines : undefined;
}

function kindOf(token: string, next: string | undefined): TokenKind {
  if (token.startsWith('"')) return next === ':' ? 'key' : 'string';
  if (token === 'true' || token === 'false' || token === 'null') return 'literal';
  return 'number';
}

function scan(text: string): string[] | undefined {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) return /^\s*$/.test(text.slice(start)) ? tokens : undefined;
    tokens.push(match[1]);
  }
  return tokens;
}
