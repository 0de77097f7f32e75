import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { shellWords } from '../../../src/core/curl/shellWords';

/** The words bash itself splits `command` into (nothing is executed but printf). */
function bashWords(command: string): string[] {
  const out = execFileSync('bash', ['-c', `set -- ${command}; for a in "$@"; do printf '%s\\0' "$a"; done`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('shell words (paste cURL tokenizer)', () => {
  const cases = [
    `-X POST 'http://h/a?b=1&c=2'`,
    `-H "Content-Type: application/json" -d '{"a": "it'\\''s"}'`,
    `"double \\"quoted\\" \\$HOME \\\\ \\n stays"`,
    `$'ansi\\tC\\n\\x41\\101\\u00e9\\'q'`,
    `one\\ word   two\\\n  three`,
    `mixed'single'"double"$'c'tail`,
    `'' "" empty-words`,
    `-d 'a\nb' --data-binary "line1\nline2"`,
    `'$VAR stays' plain`,
  ];
  for (const command of cases) {
    it(`splits like bash: ${command.replace(/\n/g, '\\n').slice(0, 50)}`, () => {
      assert.deepEqual(shellWords(command).words, bashWords(command));
    });
  }

  it('joins backslash-newline continuations (also CRLF) and drops # comments', () => {
    assert.deepEqual(shellWords("curl \\\r\n  -k \\\n  'http://x' # a comment\n").words, ['curl', '-k', 'http://x']);
  });

  it('leaves $VAR and \${x} unexpanded (a pasted command keeps its placeholders)', () => {
    assert.deepEqual(shellWords('curl "\${TOKEN}" $HOME').words, ['curl', '\${TOKEN}', '$HOME']);
  });

  it('stops at an unquoted pipe or semicolon and reports the rest', () => {
    const split = shellWords("curl 'http://x|y' | jq .");
    assert.deepEqual(split.words, ['curl', 'http://x|y']);
    assert.equal(split.rest, '| jq .');
  });

  it('reports an unclosed quote instead of throwing', () => {
    assert.match(shellWords("curl 'http://x").error ?? '', /single quote/);
    assert.match(shellWords('curl "http://x').error ?? '', /double quote/);
    assert.match(shellWords("curl $'x").error ?? '', /\$' quote/);
  });
});
