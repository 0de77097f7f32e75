import type { CodeLine, TokenKind } from './codeLine';

// A tag or declaration ends at the first `>` outside quotes, so `<a title="x > y">` is one tag; a quote
// that never closes falls back to the first `>`, and a `<` that starts nothing is text. No piece reads past
// the next `<` (XML allows none in a value), so a hostile body costs linear time.
const PIECE = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[^<]*?\?>|<[!/]?(?:[^<>"']|"[^<"]*"|'[^<']*')*>|<[^<>]*>|[^<]+|</g;
const ATTR = /([^\s=/>]+)(\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

/** Re-indents XML (or HTML source) into coloured lines, one element or text run per line. */
export function prettyXml(text: string): CodeLine[] {
  const lines: CodeLine[] = [];
  let depth = 0;
  for (const [piece] of text.matchAll(PIECE)) {
    if (piece.startsWith('<!--') || piece.startsWith('<![CDATA[') || piece.startsWith('<?') || piece.startsWith('<!')) {
      lines.push({ indent: depth, tokens: [['comment', piece]] });
    } else if (piece.startsWith('</')) {
      depth = Math.max(0, depth - 1);
      const last = lines[lines.length - 1];
      // <a>text</a> stays on one line.
      if (last && last.tokens[0]?.[0] === 'text' && lines[lines.length - 2]?.indent === depth && lines.length >= 2 && isOpen(lines[lines.length - 2])) {
        lines.pop();
        lines[lines.length - 1].tokens.push(...last.tokens, ...tagTokens(piece));
      } else lines.push({ indent: depth, tokens: tagTokens(piece) });
    } else if (piece.startsWith('<') && piece.length > 1) {
      lines.push({ indent: depth, tokens: tagTokens(piece) });
      if (!piece.endsWith('/>')) depth++;
    } else if (piece.trim()) {
      // Text, or a lone `<` that starts no tag.
      lines.push({ indent: depth, tokens: [['text', piece.trim()]] });
    }
  }
  return lines;
}

function isOpen(line: CodeLine): boolean {
  const first = line.tokens[0]?.[1] ?? '';
  return line.tokens.length > 0 && first.startsWith('<') && !first.startsWith('</') && line.tokens[line.tokens.length - 1][1] === '>';
}

function tagTokens(tag: string): Array<[TokenKind, string]> {
  const close = tag.endsWith('/>') ? '/>' : '>';
  const inner = tag.slice(0, tag.length - close.length);
  const name = /^<\/?[^\s/>]*/.exec(inner)?.[0] ?? '<';
  const tokens: Array<[TokenKind, string]> = [['tag', name]];
  for (const match of inner.slice(name.length).matchAll(ATTR)) {
    tokens.push(['attr', ` ${match[1]}`]);
    if (match[3]) tokens.push(['punct', '='], ['string', match[3]]);
  }
  tokens.push(['tag', close]);
  return tokens;
}
