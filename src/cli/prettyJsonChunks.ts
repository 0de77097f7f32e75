const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const SPACE = 0x20;

/**
 * Pretty-prints JSON bytes with 2-space indentation, token by token, without parsing them into objects:
 * memory stays at one output chunk whatever the body's size. Yields text chunks of about `chunkBytes` that
 * each end at a line break (the break itself left out). Strings, numbers and literals are kept exactly as the
 * server wrote them; invalid JSON is indented as far as its brackets go, never rejected.
 */
export function* prettyJsonChunks(body: Uint8Array, chunkBytes = 64 * 1024): Generator<string> {
  const decoder = new TextDecoder();
  let out = Buffer.allocUnsafe(chunkBytes + 4096);
  let length = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  const push = (byte: number): void => {
    if (length === out.length) out = Buffer.concat([out, Buffer.allocUnsafe(out.length)]);
    out[length++] = byte;
  };
  const newline = (): void => {
    push(NEWLINE);
    for (let i = 0; i < depth * 2; i++) push(SPACE);
  };
  function* maybeYield(): Generator<string> {
    if (length < chunkBytes) return;
    const lastBreak = out.lastIndexOf(NEWLINE, length - 1);
    if (lastBreak <= 0) return;
    yield decoder.decode(out.subarray(0, lastBreak), { stream: true });
    const rest = out.subarray(lastBreak + 1, length);
    rest.copy(out, 0);
    length = rest.length;
  }
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      push(byte);
      if (escaped) escaped = false;
      else if (byte === BACKSLASH) escaped = true;
      else if (byte === QUOTE) inString = false;
      continue;
    }
    if (byte === QUOTE) {
      inString = true;
      push(byte);
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      push(byte);
      const next = nextSignificant(body, i + 1);
      if (next === byte + 2) {
        push(next);
        i = body.indexOf(next, i + 1);
      } else {
        depth++;
        newline();
      }
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth = Math.max(0, depth - 1);
      newline();
      push(byte);
    } else if (byte === COMMA) {
      push(byte);
      newline();
      yield* maybeYield();
    } else if (byte === COLON) {
      push(byte);
      push(SPACE);
    } else if (byte !== SPACE && byte !== NEWLINE && byte !== 0x09 && byte !== 0x0d) {
      push(byte);
    }
  }
  yield decoder.decode(out.subarray(0, length));
}

/** The next byte after `from` that is not JSON whitespace, or -1. */
function nextSignificant(body: Uint8Array, from: number): number {
  for (let i = from; i < body.length; i++) {
    const byte = body[i];
    if (byte !== SPACE && byte !== NEWLINE && byte !== 0x09 && byte !== 0x0d) return byte;
  }
  return -1;
}
