/** Token classes, mapped to theme colours in the stylesheet. */
export type TokenKind = 'key' | 'string' | 'number' | 'literal' | 'punct' | 'tag' | 'attr' | 'text' | 'comment';

/** One display line of pretty-printed code: its indent level and coloured tokens. */
export interface CodeLine {
  indent: number;
  tokens: Array<[TokenKind, string]>;
}
