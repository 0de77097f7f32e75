import type { HeaderLine } from './types';

/** Result of reading a `Name: value` line, or where and why it is malformed. */
export type HeaderLineResult = HeaderLine | HeaderLineError;

/** Why a line is not a header, with the columns to underline. */
export interface HeaderLineError {
  column: number;
  endColumn: number;
  message: string;
}

/**
 * Reads header line number `lineNo` whose first non-space character is at `at`. Names are RFC 9110 tokens;
 * `{{…}}` is allowed in them too because variables are resolved later.
 */
export function parseHeaderLine(line: string, at: number, lineNo: number): HeaderLineResult {
  const colon = line.indexOf(':', at);
  if (colon < 0) {
    return { column: at, endColumn: line.length, message: "Header line needs 'Name: value'" };
  }
  let nameEnd = colon;
  while (nameEnd > at && isSpace(line.charCodeAt(nameEnd - 1))) nameEnd--;
  if (nameEnd === at) {
    return { column: at, endColumn: colon + 1, message: "Header line needs a name before ':' ('Name: value')" };
  }
  for (let i = at; i < nameEnd; i++) {
    if (!isNameChar(line.charCodeAt(i))) {
      return {
        column: i,
        endColumn: i + 1,
        message: `Header name has an invalid character '${line[i]}'; header lines need 'Name: value'`,
      };
    }
  }
  return { name: line.slice(at, nameEnd), value: line.slice(colon + 1).trim(), line: lineNo };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

const TOKEN_SYMBOLS = new Set(Array.from('!#$%&\'*+-.^_`|~{}', (ch) => ch.charCodeAt(0)));

// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
function isNameChar(c: number): boolean {
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return TOKEN_SYMBOLS.has(c);
}
