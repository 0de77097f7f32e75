import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

/** One token of a line: its text and its scopes, outermost first. */
export interface Token {
  text: string;
  scopes: string[];
}

const root = join(__dirname, '..', '..');
let registry: Promise<textmate.Registry> | undefined;

function loadRegistry(): Promise<textmate.Registry> {
  registry ??= (async () => {
    const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    return new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s) => new oniguruma.OnigString(s),
      }),
      // Only our grammar: embedded source.json / text.xml are left to VS Code's built-ins.
      loadGrammar: async (scopeName) => scopeName === 'source.http'
        ? textmate.parseRawGrammar(readFileSync(join(root, 'syntaxes', 'http.tmLanguage.json'), 'utf8'), 'http.tmLanguage.json')
        : null,
    });
  })();
  return registry;
}

/** Tokenizes `text` (lines joined with '\n') with syntaxes/http.tmLanguage.json; one Token[] per line. */
export async function tokenize(text: string): Promise<Token[][]> {
  const grammar = await (await loadRegistry()).loadGrammar('source.http');
  if (!grammar) throw new Error('source.http grammar did not load');
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes of the first token of `line` whose text is exactly `text` (throws when none is). */
export function scopesOf(line: Token[], text: string): string[] {
  const token = line.find((t) => t.text === text);
  if (!token) throw new Error(`no token "${text}" in [${line.map((t) => JSON.stringify(t.text)).join(', ')}]`);
  return token.scopes;
}
