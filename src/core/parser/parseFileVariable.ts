import { clip } from './clip';

/** Result of reading an `@name = value` line: the variable, or where and why it is malformed. */
export type FileVariableLine =
  | { ok: true; name: string; value: string }
  | { ok: false; column: number; message: string };

/** Reads a file variable line whose `@` is at index `at`. */
export function parseFileVariable(line: string, at: number): FileVariableLine {
  let i = at + 1;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9 || c === 61 /* = */) break;
    i++;
  }
  if (i === at + 1) {
    return { ok: false, column: at, message: "File variable needs a name: '@name = value'" };
  }
  const name = line.slice(at + 1, i);
  while (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9) i++;
  if (line.charCodeAt(i) !== 61) {
    return { ok: false, column: i, message: `File variable '@${clip(name)}' needs '=': '@name = value'` };
  }
  return { ok: true, name, value: line.slice(i + 1).trim() };
}
