/** A piece of a template: literal text, or a `{{…}}` reference with its trimmed expression. */
export type TemplatePiece =
  | { kind: 'text'; text: string }
  | { kind: 'variable'; expression: string; raw: string };

/**
 * Splits a template into literal text and `{{…}}` references in one left-to-right pass (linear in its
 * length). A `{{` without a closing `}}` stays literal; so does an empty `{{}}`.
 */
export function scanTemplate(template: string): TemplatePiece[] {
  const pieces: TemplatePiece[] = [];
  let textStart = 0;
  let cursor = 0;
  while (cursor < template.length) {
    let open = template.indexOf('{{', cursor);
    if (open < 0) break;
    const close = template.indexOf('}}', open + 2);
    if (close < 0) break;
    // `{{a {{b}}`: the innermost opening before the close is the reference; the outer `{{` stays text.
    const inner = template.lastIndexOf('{{', close - 1);
    if (inner > open) open = inner;
    const expression = template.slice(open + 2, close).trim();
    cursor = close + 2;
    if (expression === '') continue;
    if (open > textStart) pieces.push({ kind: 'text', text: template.slice(textStart, open) });
    pieces.push({ kind: 'variable', expression, raw: template.slice(open, cursor) });
    textStart = cursor;
  }
  if (textStart < template.length) pieces.push({ kind: 'text', text: template.slice(textStart) });
  return pieces;
}
