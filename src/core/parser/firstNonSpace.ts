/** Index of the first character of `line` that is not a space or tab; `line.length` when the line is blank. */
export function firstNonSpace(line: string): number {
  let i = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}
