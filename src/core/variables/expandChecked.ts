import { scanTemplate } from './scanTemplate';
import type { Resolver } from './types';

/** A control character found in an expanded value, and the `{{…}}` that produced it when one did. */
export interface ControlCharacterProblem {
  /** Plain words: "a line break", "a NUL character", "a control character (0x1b)". */
  what: string;
  /** The reference as written, e.g. `{{token}}`; undefined when the character was written literally. */
  variable?: string;
}

// CR, LF, NUL and every other C0 control except tab, plus DEL.
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;
// Header bytes are Latin-1: anything above U+00FF (emoji, U+2028 line separators) cannot go on the wire as written.
const CONTROL_OR_WIDE = /[\x00-\x08\x0a-\x1f\x7f]|[^\x00-\xff]/u;

/** What expandChecked refuses besides control characters. */
export interface ExpandCheckOptions {
  /** Also refuse characters above U+00FF, which a header cannot carry. */
  header?: boolean;
}

/**
 * Expands a one-line template piece by piece and reports the first control character (other than tab),
 * or with `options.header` the first character a header cannot carry, together with the reference that
 * produced it, so nothing unsafe reaches the wire.
 */
export function expandChecked(
  resolver: Resolver,
  template: string,
  line: number,
  onProblem: (problem: ControlCharacterProblem) => Error,
  options: ExpandCheckOptions = {},
): string {
  const forbidden = options.header ? CONTROL_OR_WIDE : CONTROL;
  let out = '';
  for (const piece of scanTemplate(template)) {
    const value = piece.kind === 'text' ? piece.text : resolver.expand(piece.raw, line);
    const found = forbidden.exec(value);
    if (found) throw onProblem({ what: describeCharacter(found[0]), variable: piece.kind === 'variable' ? piece.raw : undefined });
    out += value;
  }
  return out;
}

function describeCharacter(char: string): string {
  if (char === '\r' || char === '\n') return 'a line break';
  if (char === '\0') return 'a NUL character';
  const code = char.codePointAt(0) ?? 0;
  if (code > 0xff) return `a character that cannot be sent in a header (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  return `a control character (0x${char.charCodeAt(0).toString(16).padStart(2, '0')})`;
}
