import * as assert from 'node:assert/strict';
import { prettyJsonChunks } from '../../../src/cli/prettyJsonChunks';

const pretty = (text: string, chunkBytes?: number): string => [...prettyJsonChunks(Buffer.from(text), chunkBytes)].join('\n');

describe('prettyJsonChunks: large JSON pretty-printed without parsing it into objects', () => {
  const samples = [
    '{"a":1,"b":[1,2,{"c":"x"}],"d":{},"e":[],"f":null,"g":true}',
    '  [ {"name" : "é ü 中文", "esc":"quote \\" and \\\\ and {[,:]}"} , [] , {} ]  ',
    '"just a string"',
    '[[[[]]],{"":{"":[]}}]',
  ];
  for (const text of samples) {
    it(`matches JSON.stringify(JSON.parse(x), null, 2) for ${text.slice(0, 30)}`, () => {
      assert.equal(pretty(text), JSON.stringify(JSON.parse(text), null, 2));
    });
  }

  it('yields chunks that end at line breaks, and joining them gives the same text at any chunk size', () => {
    const items = Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `customer ${i}`, tags: ['a', 'b'], nested: { ok: i % 2 === 0 } }));
    const text = JSON.stringify(items);
    const chunks = [...prettyJsonChunks(Buffer.from(text), 4096)];
    assert.ok(chunks.length > 10, `only ${chunks.length} chunks`);
    assert.equal(chunks.join('\n'), JSON.stringify(items, null, 2));
  });

  it('keeps a multi-byte character whole when a chunk boundary falls next to it', () => {
    const text = JSON.stringify(Array.from({ length: 500 }, () => 'ünïcödé 中文 ✓'));
    assert.equal(pretty(text, 64), JSON.stringify(JSON.parse(text), null, 2));
  });

  it('indents invalid JSON as far as its brackets go instead of failing', () => {
    assert.equal(pretty('{"a":[1,2'), '{\n  "a": [\n    1,\n    2');
  });
});
