import type { BodyPart } from './types';

/** A body line that includes a file: `< path`, `<@ path` (variables expanded), `<@latin1 path` (with encoding). */
export type FileReference = Extract<BodyPart, { kind: 'file' }>;

/**
 * Reads body line number `lineNo` as a file reference, as REST Client does: `<` must be the line's first character
 * and be followed by whitespace (or `@` and an optional encoding name, then whitespace).
 */
export function parseFileReference(line: string, lineNo: number): FileReference | undefined {
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
  return encoding === undefined
    ? { kind: 'file', path, expandVariables, line: lineNo }
    : { kind: 'file', path, expandVariables, encoding, line: lineNo };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isEncodingChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
}
