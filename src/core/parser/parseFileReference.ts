/** A body line that includes a file: `< path`, `<@ path` (variables expanded), `<@latin1 path` (with encoding). */
export interface FileReference {
  path: string;
  expandVariables: boolean;
  encoding?: string;
}

/**
 * Reads a body line as a file reference, as REST Client does: `<` must be the line's first character
 * and be followed by whitespace (or `@` and an optional encoding name, then whitespace).
 */
export function parseFileReference(line: string): FileReference | undefined {
  if (line.charCodeAt(0) !== 60 /* < */) return undefined;
  let i = 1;
  let expandVariables = false;
  let encoding: string | undefined;
  if (line.charCodeAt(1) === 64 /* @ */) {
    expandVariables = true;
    i = 2;
    while (i < line.length && isEncodingChar(line.charCodeAt(i))) i++;
    if (i > 2) encoding = line.slice(2, i);
  }
  if (!isSpace(line.charCodeAt(i))) return undefined;
  const path = line.slice(i).trim();
  if (path === '') return undefined;
  return encoding === undefined ? { path, expandVariables } : { path, expandVariables, encoding };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isEncodingChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
}
