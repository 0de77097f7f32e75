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

/**
 * Expands a one-line template piece by piece and reports the first control character (other than tab)
 * together with the reference that produced it, so nothing unsafe reaches the wire.
 */
export function expandChecked(
  resolver: Resolver,
  template: string,
  line: number,
  onProblem: (problem: ControlCharacterProblem) => Error,
): string {
  let out = '';
  for (const piece of scanTemplate(template)) {
    const value = piece.kind === 'text' ? piece.text : resolver.expand(piece.raw, line);
    const found = CONTROL.exec(value);
    if (found) throw onProblem({ what: describeCharacter(found[0]), variable: piece.kind === 'variable' ? piece.raw : undefined });
    out += value;
  }
  return out;
}

function describeCharacter(char: string): string {
  if (char === '\r' || char === '\n') return 'a line break';
  if (char === '\0') return 'a NUL character';
  return `a control character (0x${char.charCodeAt(0).toString(16).padStart(2, '0')})`;
}
