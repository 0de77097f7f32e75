import * as assert from 'node:assert/strict';
import { bodyText } from '../../../src/cli/bodyText';
import { isBinaryBody } from '../../../src/core/http/isBinaryBody';
import { bodyKind } from '../../../src/vscode/response/bodyKind';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('one text-vs-binary rule for response bodies (CLI and response view)', () => {
  it('binary media types are binary whatever they hold; SVG, being XML, is text', () => {
    for (const type of ['image/png', 'audio/mpeg', 'video/mp4', 'font/woff2', 'application/octet-stream', 'application/pdf', 'application/zip']) {
      assert.equal(isBinaryBody(text('plain words'), type), true, type);
    }
    assert.equal(isBinaryBody(text('<svg/>'), 'image/svg+xml'), false);
  });

  it('a NUL byte or bytes that are not UTF-8 in the first 4 KB make any other body binary, declared JSON included', () => {
    assert.equal(isBinaryBody(text('{"a":"\u0000"}'), 'application/json'), true);
    assert.equal(isBinaryBody(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'text/plain'), true);
    assert.equal(isBinaryBody(new Uint8Array([0xff, 0xfe, 0x00]), ''), true);
    assert.equal(isBinaryBody(text('{"name":"é ü 中文"}'), 'application/json; charset=utf-8'), false);
  });

  it('only the first 4 KB are looked at, and a character cut at that mark is still text', () => {
    const cut = text(`${'a'.repeat(4095)}é and more`);
    assert.equal(isBinaryBody(cut, 'text/plain'), false);
    assert.equal(isBinaryBody(text(`${'a'.repeat(5000)}\u0000`), 'text/plain'), false);
    for (const char of ['é', '中', '😀']) {
      for (let pad = 4090; pad <= 4096; pad++) assert.equal(isBinaryBody(text(`${'a'.repeat(pad)}${char} and more`), 'text/plain'), false, `${char} after ${pad} bytes`);
    }
    const badByte = Buffer.concat([text('a'.repeat(4094)), Buffer.from([0xff]), text(' and more')]);
    assert.equal(isBinaryBody(badByte, 'text/plain'), true);
  });

  it('a declared charset other than UTF-8 is trusted: UTF-16 holds NULs, Latin-1 is not UTF-8', () => {
    assert.equal(isBinaryBody(Buffer.from('hello', 'utf16le'), 'text/plain; charset=utf-16le'), false);
    assert.equal(isBinaryBody(Buffer.from('café', 'latin1'), 'text/html; charset="ISO-8859-1"'), false);
    assert.equal(isBinaryBody(Buffer.from('café', 'latin1'), 'text/html'), true);
  });

  it('the CLI and the response view call the same bodies binary', () => {
    const cases: Array<[Uint8Array, string]> = [
      [text('{"a":1}'), 'application/json'],
      [text('a\u0000b'), 'text/plain'],
      [text('words'), 'application/octet-stream'],
      [new Uint8Array([0xc3, 0x28]), 'application/x-unknown'],
      [text('<root/>'), 'application/xml'],
      [text('{"untyped":true}'), ''],
    ];
    for (const [body, type] of cases) {
      assert.equal(bodyText(body, type).binary, bodyKind(type, body) === 'binary', `${type}: ${Buffer.from(body).toString('hex')}`);
    }
  });
});
