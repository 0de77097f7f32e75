/** A `{{…}}` reference on one line, with its columns (0-based, end exclusive). */
export interface TemplateReference {
  /** The trimmed text between the braces. */
  expression: string;
  /** Column of the opening `{{`. */
  start: number;
  /** Column just after the closing `}}`. */
  end: number;
  /** Columns of the trimmed expression. */
  expressionStart: number;
  expressionEnd: number;
}

/**
 * The `{{…}}` references of one line, found the way the resolver's scanTemplate finds them (the innermost
 * `{{` before a `}}` opens the reference; empty `{{}}` is skipped). Linear in the line's length.
 */
export function templateReferences(line: string): TemplateReference[] {
  const found: TemplateReference[] = [];
  let cursor = 0;
  while (cursor < line.length) {
    let open = line.indexOf('{{', cursor);
    if (open < 0) break;
    const close = line.indexOf('}}', open + 2);
    if (close < 0) break;
    const inner = line.lastIndexOf('{{', close - 1);
    if (inner > open) open = inner;
    cursor = close + 2;
    const raw = line.slice(open + 2, close);
    const expression = raw.trim();
    if (expression === '') continue;
    const expressionStart = open + 2 + (raw.length - raw.trimStart().length);
    found.push({ expression, start: open, end: close + 2, expressionStart, expressionEnd: expressionStart + expression.length });
  }
  return found;
}

/** The reference whose braces hold `column` (inclusive of both ends), if any. */
export function referenceAt(line: string, column: number): TemplateReference | undefined {
  return templateReferences(line).find((ref) => column >= ref.start && column <= ref.end);
}
