import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { curlCommand, shellQuote } from '../../../src/core/curl/curlCommand';
import { curlAsSent } from '../../../src/core/curl/requestAsSent';
import { contextFor } from '../runner/runnerSupport';

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

describe('copy as cURL: how an https request goes out (HTTP/2, verification, client certificate, CAs)', () => {
  const https = { method: 'GET', url: 'https://127.0.0.1:8443/x', headers: [] as [string, string][] };

  it('adds --http2, --insecure, --cert/--key and --cacert for https, in that order, each read back by the shell as one word', () => {
    const command = curlCommand(https, { http2: true, insecure: true, certificate: { cert: '/certs/my client.pem', key: '/certs/key.pem' }, caFiles: ['/certs/ca.pem'] });
    assert.equal(command, "curl --http2 --insecure --cert '/certs/my client.pem' --key /certs/key.pem --cacert /certs/ca.pem https://127.0.0.1:8443/x");
    const args = sh(`set -- ${command.slice('curl '.length)}; for a in "$@"; do printf '[%s]' "$a"; done`);
    assert.equal(args, '[--http2][--insecure][--cert][/certs/my client.pem][--key][/certs/key.pem][--cacert][/certs/ca.pem][https://127.0.0.1:8443/x]');
  });

  it('a PKCS#12 file goes as --cert-type P12 --cert, with no passphrase (curl asks for it)', () => {
    assert.equal(curlCommand(https, { certificate: { pfx: '/certs/client.p12' } }), 'curl --cert-type P12 --cert /certs/client.p12 https://127.0.0.1:8443/x');
  });

  it('several CA files: the first as --cacert, the rest named in a comment (curl reads one)', () => {
    const command = curlCommand(https, { caFiles: ['/a.pem', '/b.pem', '/c d.pem'] });
    assert.equal(command, "curl --cacert /a.pem https://127.0.0.1:8443/x # curl reads one --cacert: join it with /b.pem, '/c d.pem' into one file");
  });

  it('a plain http request gets none of them', () => {
    assert.equal(curlCommand({ ...https, url: 'http://127.0.0.1:8080/x' }, { http2: true, insecure: true, certificate: { pfx: '/p.p12' }, caFiles: ['/a.pem'] }), 'curl http://127.0.0.1:8080/x');
  });

  it('Copy as cURL of a request line with HTTP/2, # @insecure and a certificate for its host names them all', async () => {
    const ctx = contextFor('# @insecure\nGET https://127.0.0.1:8443/orders HTTP/2\n', {}, {
      tls: { certificates: { '127.0.0.1': { cert: 'certs/client.pem', key: 'certs/client.key' } }, ca: ['certs/ca.pem'], baseDir: '/work/space' },
    });
    assert.equal(await curlAsSent(ctx, ctx.file.requests[0]),
      'curl --http2 --insecure --cert /work/space/certs/client.pem --key /work/space/certs/client.key --cacert /work/space/certs/ca.pem https://127.0.0.1:8443/orders');
  });
});
