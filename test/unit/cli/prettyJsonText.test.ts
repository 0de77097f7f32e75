import * as assert from 'node:assert/strict';
import { prettyJsonText } from '../../../src/core/util/prettyJsonText';

describe('prettyJsonText: JSON bodies pretty-printed with the server\'s exact text', () => {
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
});
