/** A `#` / `//` comment line, with its directive when it has the `@name value` shape. */
export interface CommentLine {
  directive?: { name: string; value: string; column: number };
}

/**
 * Reads a comment line (`# …`, `## …`, `// …`) whose first non-space character is at `at`.
 * Returns undefined when the line is not a comment. Separator lines (`###`) are handled before this.
 */
export function parseCommentLine(line: string, at: number): CommentLine | undefined {
  const first = line.charCodeAt(at);
  let i = at;
  if (first === 35 /* # */) {
    while (line.charCodeAt(i) === 35) i++;
  } else if (first === 47 /* / */ && line.charCodeAt(at + 1) === 47) {
    while (line.charCodeAt(i) === 47) i++;
  } else {
    return undefined;
  }
  while (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9) i++;
  if (line.charCodeAt(i) !== 64 /* @ */ || !isLetter(line.charCodeAt(i + 1))) return {};
  const column = i;
  let end = i + 2;
  while (end < line.length && isNameChar(line.charCodeAt(end))) end++;
  const next = line.charCodeAt(end);
  // `# @user@example.com` or `# @foo.bar` is prose, not a directive; JetBrains writes `# @name=login`.
  if (end < line.length && next !== 32 && next !== 9 && next !== 61 /* = */) return {};
  return { directive: { name: line.slice(i + 1, end), value: valueAfter(line.slice(end)), column } };
}

/** The value after the name, without JetBrains' `=` (`# @name = login`). */
function valueAfter(rest: string): string {
  const value = rest.trim();
  return value.charCodeAt(0) === 61 ? value.slice(1).trim() : value;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 95 /* _ */ || c === 45 /* - */;
}
