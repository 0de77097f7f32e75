/** Result of reading a `Name: value` line, or where and why it is malformed. */
export type HeaderLineResult =
  | { ok: true; name: string; value: string }
  | { ok: false; column: number; endColumn: number; message: string };

/**
 * Reads a header line whose first non-space character is at `at`. Names are RFC 9110 tokens;
 * `{{…}}` is allowed in them too because variables are resolved later.
 */
export function parseHeaderLine(line: string, at: number): HeaderLineResult {
  const colon = line.indexOf(':', at);
  if (colon < 0) {
    return { ok: false, column: at, endColumn: line.length, message: "Header line needs 'Name: value'" };
  }
  let nameEnd = colon;
  while (nameEnd > at && isSpace(line.charCodeAt(nameEnd - 1))) nameEnd--;
  if (nameEnd === at) {
    return { ok: false, column: at, endColumn: colon + 1, message: "Header line needs a name before ':' ('Name: value')" };
  }
  for (let i = at; i < nameEnd; i++) {
    if (!isNameChar(line.charCodeAt(i))) {
      return {
        ok: false,
        column: i,
        endColumn: i + 1,
        message: `Header name has an invalid character '${line[i]}'; header lines need 'Name: value'`,
      };
    }
  }
  return { ok: true, name: line.slice(at, nameEnd), value: line.slice(colon + 1).trim() };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
function isNameChar(c: number): boolean {
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return '!#$%&\'*+-.^_`|~{}'.includes(String.fromCharCode(c));
}
