import * as assert from 'node:assert/strict';
import { isJsonValue, prettyJsonChunks, prettyJsonText } from '../../../src/core/util/prettyJson';

describe('prettyJson: the one JSON pretty-printer, with the server\'s exact text', () => {
  const samples = [
    '{"a":1,"b":[1,2,{"c":"x"}],"d":{},"e":[],"f":null,"g":true}',
    '  [ {"name" : "é ü 中文", "esc":"quote \\" and \\\\ and {[,:]}"} , [] , { } ]  ',
    '"just a string"',
    '-12',
    '[[[[]]],{"":{"":[]}}]',
    '{"order":{"id":17,"items":[{"sku":"A-1","qty":2,"price":12.5}],"total":28.99,"ok":false}}',
  ];
  for (const text of samples) {
    it(`lays out ${text.trim().slice(0, 30)} as JSON.stringify(JSON.parse(x), null, 2) does`, () => {
      assert.equal(prettyJsonText(text), JSON.stringify(JSON.parse(text), null, 2));
    });
  }

  it('keeps numbers, escapes and big integers exactly as the server wrote them', () => {
    assert.equal(prettyJsonText('{"price":1.0,"big":12345678901234567890,"e":1E3,"neg":-12.5e-3,"s":"caf\\u00e9 \\/"}'),
      '{\n  "price": 1.0,\n  "big": 12345678901234567890,\n  "e": 1E3,\n  "neg": -12.5e-3,\n  "s": "caf\\u00e9 \\/"\n}');
  });

  it('keeps a repeated key, both times, in the order the server sent them', () => {
    assert.equal(prettyJsonText('{"a":1,"b":2,"a":3}'), '{\n  "a": 1,\n  "b": 2,\n  "a": 3\n}');
  });

  it('gives undefined for text that is not one JSON value: HTML, a cut body, stray words, bad separators', () => {
    for (const text of ['<html>Internal Server Error</html>', '{"a":', '{"a":[1,2}', 'Internal Server Error', '{"a" 1}', '[1,]', '[1] [2]', '{"a":tru}', '"unclosed', '', '}']) {
      assert.equal(prettyJsonText(text), undefined, text);
    }
  });

  /** The chunks joined as the CLI prints them (a line break between each), and what the generator returned. */
  const chunked = (text: string, chunkChars: number): { text: string; chunks: number; valid: boolean } => {
    const parts: string[] = [];
    const gen = prettyJsonChunks(text, chunkChars);
    for (let step = gen.next(); ; step = gen.next()) {
      if (step.done) return { text: parts.join('\n'), chunks: parts.length, valid: step.value };
      parts.push(step.value);
    }
  };

  it('yields a large document in chunks that end at line breaks; joined they are the one pretty text, at any chunk size', () => {
    const items = Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `customer ${i}`, tags: ['a', 'b'], nested: { ok: i % 2 === 0, e: {} } }));
    const text = JSON.stringify(items);
    for (const size of [1, 64, 4096]) {
      const result = chunked(text, size);
      assert.ok(result.chunks > 10, `only ${result.chunks} chunks at ${size}`);
      assert.deepEqual([result.text, result.valid], [JSON.stringify(items, null, 2), true]);
    }
    assert.equal(chunked(text, 4096).chunks < 200, true);
  });

  it('stops at the first place the text is not JSON and says so, having yielded only what came before', () => {
    const result = chunked(`[${'1,'.repeat(100)}tru]`, 16);
    assert.equal(result.valid, false);
    assert.ok(!result.text.includes('tru'), result.text);
    assert.equal(prettyJsonText(`[${'1,'.repeat(100)}tru]`), undefined);
  });

  it('checks without building anything: isJsonValue agrees with prettyJsonText', () => {
    for (const text of ['{"a":[1,{"b":null}]}', ' "s" ', '{"a":', '[1,]', '<html>', '']) {
      assert.equal(isJsonValue(text), prettyJsonText(text) !== undefined, text);
    }
  });
});
