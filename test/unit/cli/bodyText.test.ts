import * as assert from 'node:assert/strict';
import { bodyText, prettyBody, prettyBodyChunks } from '../../../src/cli/bodyText';
import { formatBytes } from '../../../src/shared/formatBytes';

describe('CLI body display', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('pretty-prints JSON bodies (application/json and +json) with two spaces', () => {
    assert.equal(prettyBody(bytes('{"a":[1,2]}'), 'application/json'), '{\n  "a": [\n    1,\n    2\n  ]\n}');
    assert.equal(prettyBody(bytes('{"a":1}'), 'application/problem+json'), '{\n  "a": 1\n}');
  });

  it('shows JSON that does not parse, and other text, as it came', () => {
    assert.equal(prettyBody(bytes('{"a":'), 'application/json'), '{"a":');
    assert.equal(prettyBody(bytes('<p>hi</p>'), 'text/html'), '<p>hi</p>');
  });

  it('shows binary bodies as "<N bytes of TYPE>": image types, invalid UTF-8 and NUL bytes', () => {
    assert.equal(prettyBody(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png'), '<4 bytes of image/png>');
    assert.equal(prettyBody(new Uint8Array([0xff, 0xfe, 0x00]), ''), '<3 bytes of binary data>');
    assert.equal(bodyText(bytes('a\u0000b'), 'text/plain').binary, true);
    assert.equal(bodyText(bytes('<svg/>'), 'image/svg+xml').text, '<svg/>');
  });

  it('prints a JSON body over 1 MB in chunks (the pretty text of a small one), and one that is not JSON as it came', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({ id: i, name: `customer ${i}`, email: `user${i}@example.test`, tags: ['a', 'b'] }));
    const large = JSON.stringify(items);
    assert.ok(large.length > 1024 * 1024);
    const chunks = [...prettyBodyChunks(bytes(large), 'application/json')];
    assert.ok(chunks.length > 10, `${chunks.length} chunks`);
    assert.equal(chunks.join('\n'), JSON.stringify(items, null, 2));
    const cut = large.slice(0, -10);
    assert.deepEqual([...prettyBodyChunks(bytes(cut), 'application/json')], [cut]);
  });

  it('formats sizes in B, KB and MB', () => {
    assert.equal(formatBytes(345), '345 B');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(3 * 1024 * 1024), '3.0 MB');
  });
});
