import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { curlCommand, shellQuote } from '../../../src/core/curl/curlCommand';

/** Runs `script` in a POSIX sh and returns what it printed. */
function sh(script: string): string {
  return execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' });
}

describe('copy as cURL', () => {
  it('quotes every value so a POSIX shell reads it back unchanged', () => {
    const nasty = `it's $(rm -rf /) \`x\` "q" \\ ; & | * ~ \n next`;
    assert.equal(sh(`printf '%s' ${shellQuote(nasty)}`), nasty);
  });

  it('writes the first hop as sent: method, URL, headers in wire order, body', () => {
    const command = curlCommand({
      method: 'POST',
      url: 'http://127.0.0.1:8080/api/mgr/signin?a=1&b=2',
      headers: [['Content-Type', 'application/x-www-form-urlencoded'], ['Cookie', 'a=1; b=2'], ['X-Quote', "it's"]],
      body: new TextEncoder().encode('username=byhy&password=88888888'),
    });
    assert.equal(command,
      "curl -X POST 'http://127.0.0.1:8080/api/mgr/signin?a=1&b=2' -H 'Content-Type: application/x-www-form-urlencoded' "
      + "-H 'Cookie: a=1; b=2' -H 'X-Quote: it'\\''s' --data-binary 'username=byhy&password=88888888'");
    // The shell splits it back into exactly the arguments curl would get.
    const args = sh(`set -- ${command.slice('curl '.length)}; for a in "$@"; do printf '[%s]' "$a"; done`);
    assert.equal(args, "[-X][POST][http://127.0.0.1:8080/api/mgr/signin?a=1&b=2][-H][Content-Type: application/x-www-form-urlencoded][-H][Cookie: a=1; b=2][-H][X-Quote: it's][--data-binary][username=byhy&password=88888888]");
  });

  it('omits -X for a plain GET and uses --head for HEAD', () => {
    assert.equal(curlCommand({ method: 'GET', url: 'http://localhost/x', headers: [] }), 'curl http://localhost/x');
    assert.equal(curlCommand({ method: 'HEAD', url: 'http://localhost/x', headers: [] }), 'curl --head http://localhost/x');
  });

  it('pipes a binary body through printf so every byte survives', () => {
    const bytes = new Uint8Array([0, 1, 0xff, 0x27, 0x0a, 0x80]);
    const command = curlCommand({ method: 'PUT', url: 'http://localhost/b', headers: [], body: bytes });
    assert.match(command, /^printf '%b' .* \| curl -X PUT http:\/\/localhost\/b --data-binary @-$/);
    const printed = execFileSync('/bin/sh', ['-c', `${command.split(' | ')[0]} | od -An -tu1`], { encoding: 'utf8' });
    assert.deepEqual(printed.trim().split(/\s+/).map(Number), [...bytes]);
  });
});
