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
/** VS Code's own JavaScript grammar, from the code-server that `npm run vscode:install` puts in .vscode-test. */
export const VSCODE_JS_GRAMMAR = join(root, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode',
  'extensions', 'javascript', 'syntaxes', 'JavaScript.tmLanguage.json');
const registries = new Map<boolean, Promise<textmate.Registry>>();

function loadRegistry(withJs: boolean): Promise<textmate.Registry> {
  const cached = registries.get(withJs);
  if (cached) return cached;
  const registry = (async () => {
    const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    return new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s) => new oniguruma.OnigString(s),
      }),
      // Our grammar, and VS Code's JavaScript when asked for; embedded source.json / text.xml are left to VS Code.
      loadGrammar: async (scopeName) => {
        if (scopeName === 'source.http') {
          return textmate.parseRawGrammar(readFileSync(join(root, 'syntaxes', 'http.tmLanguage.json'), 'utf8'), 'http.tmLanguage.json');
        }
        if (scopeName === 'source.js') {
          // Without VS Code's grammar an empty source.js stands in: a rule including a grammar that is missing matches nothing.
          return withJs
            ? textmate.parseRawGrammar(readFileSync(VSCODE_JS_GRAMMAR, 'utf8'), VSCODE_JS_GRAMMAR)
            : textmate.parseRawGrammar('{"scopeName":"source.js","patterns":[]}', 'empty-js.json');
        }
        return null;
      },
    });
  })();
  registries.set(withJs, registry);
  return registry;
}

/** Tokenizes `text` (lines joined with '\n') with syntaxes/http.tmLanguage.json (and VS Code's JavaScript grammar when asked); one Token[] per line. */
export async function tokenize(text: string, options: { withJavaScript?: boolean } = {}): Promise<Token[][]> {
  const grammar = await (await loadRegistry(options.withJavaScript === true)).loadGrammar('source.http');
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
