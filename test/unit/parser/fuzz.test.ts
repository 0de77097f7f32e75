import * as assert from 'node:assert/strict';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { requestAtLine } from '../../../src/core/parser/requestAtLine';
import { assertWellFormed } from './assertWellFormed';
import { randomHttpFile } from './sampleHttpFile';
import { seededRandom } from './seededRandom';

const ALPHABET = '#/@:{}<>%?&=!-_. \t\r\n\uFEFFaAzZ09"\'é😀';
const SNIPPETS = ['###', '### t', '# @name ', '// @', '#@x', '@v=', '@ ', 'GET ', 'post ', 'HTTP/1.1', ' HTTP/2', '{{', '}}',
  '> {%', '%}', '< {%', '<> ./r.json', '>> ./o', '< ./f', '<@ ./f', '<@latin1 ./f', '?a=1', '&b', '    /p', '\r\n', '\n\n', ':', 'X-H: v'];

function pick<T>(random: () => number, items: ArrayLike<T>): T {
  return items[Math.floor(random() * items.length)];
}

function randomText(random: () => number): string {
  const length = Math.floor(random() * 300);
  let text = '';
  while (text.length < length) text += random() < 0.2 ? pick(random, SNIPPETS) : pick(random, ALPHABET);
  return text;
}

function mutate(random: () => number, text: string): string {
  let result = text;
  const edits = 1 + Math.floor(random() * 8);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (result.length + 1));
    const op = Math.floor(random() * 6);
    if (op === 0) result = result.slice(0, at) + pick(random, ALPHABET) + result.slice(at);
    else if (op === 1) result = result.slice(0, at) + result.slice(at + 1 + Math.floor(random() * 20));
    else if (op === 2) result = result.slice(0, at) + pick(random, SNIPPETS) + result.slice(at);
    else {
      const lines = result.split('\n');
      const i = Math.floor(random() * lines.length);
      if (op === 3) lines.splice(i, 0, lines[Math.floor(random() * lines.length)]);
      else if (op === 4) lines.splice(i, 1);
      else lines.splice(i, 0, ...lines.splice(Math.floor(random() * lines.length), 1));
      result = lines.join('\n');
    }
  }
  return result;
}

describe('parser: random and mutated input (seeded, deterministic)', function () {
  this.timeout(120_000);

  it('never throws and returns well-formed output for 12,000 mutated realistic files', () => {
    const random = seededRandom(0x5eed);
    for (let n = 0; n < 12_000; n++) {
      const text = mutate(random, randomHttpFile(random, 6));
      let file;
      try {
        file = parseHttpFile(text);
        assertWellFormed(text, file);
      } catch (error) {
        assert.fail(`input #${n} ${JSON.stringify(text)}: ${String(error)}`);
      }
    }
  });

  it('never throws and returns well-formed output for 10,000 random inputs', () => {
    const random = seededRandom(42);
    for (let n = 0; n < 10_000; n++) {
      const text = randomText(random);
      try {
        const file = parseHttpFile(text);
        assertWellFormed(text, file);
        const line = Math.floor(random() * (text.split('\n').length + 2)) - 1;
        const request = requestAtLine(file, line);
        if (request !== undefined) assert.ok(line >= request.range.startLine - 1 && line <= (request.blockEndLine ?? request.range.endLine));
      } catch (error) {
        assert.fail(`input #${n} ${JSON.stringify(text)}: ${String(error)}`);
      }
    }
  });

  it('gives the same result for the same input (no hidden state between calls)', () => {
    const random = seededRandom(7);
    for (let n = 0; n < 200; n++) {
      const text = mutate(random, randomHttpFile(random, 4));
      assert.deepEqual(parseHttpFile(text), parseHttpFile(text));
    }
  });

  it('finds the realistic requests of an unmutated file without any error', () => {
    const random = seededRandom(99);
    for (let n = 0; n < 200; n++) {
      const text = randomHttpFile(random, 10);
      const file = parseHttpFile(text);
      assert.deepEqual(file.diagnostics.filter((d) => d.severity === 'error'), [], text);
      assert.equal(file.requests.length, (text.match(/^###/gm) ?? []).length);
    }
  });
});
