import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { assertWellFormed } from '../parser/assertWellFormed';
import { randomHttpFile } from '../parser/sampleHttpFile';
import { seededRandom } from '../parser/seededRandom';
import { hardeningCase, recordMeasured } from './hardeningCase';

const AREA = 'Bad input: the parser';
const MB = 1024 * 1024;

// Hostile characters on top of the syntax: NUL and other controls, lone surrogates, bidi and line separators.
const ALPHABET = '#/@:{}<>%?&=!-_. \t\r\n\0\x1b\x7f\x85\u2028\u2029\u202e\ud800\udfff\uFEFFaAzZ09"\'é😀';
const SNIPPETS = ['###', '### t', '# @name ', '// @', '# @session-header ', '# @session-auth basic ', '# @timeout ', '@v=', '@ =',
  'GET ', 'post ', 'FROB ', 'HTTP/1.1', ' HTTP/9', '{{', '}}', '{{$', '{{a.response.body.$', '> {%', '%}', '<> ./r', '>> ./o',
  '< ./f', '<@ ./f', '<@latin1 ./f', '?a=1', '&b', '    /p', '\r\n', '\n\n', '\r', ':', 'X-H: v', 'http://', '//'];

function pick<T>(random: () => number, items: ArrayLike<T>): T {
  return items[Math.floor(random() * items.length)];
}

function randomText(random: () => number): string {
  const length = Math.floor(random() * 400);
  let text = '';
  while (text.length < length) text += random() < 0.25 ? pick(random, SNIPPETS) : pick(random, ALPHABET);
  return text;
}

function mutate(random: () => number, text: string): string {
  let result = text;
  for (let e = 1 + Math.floor(random() * 10); e > 0; e--) {
    const at = Math.floor(random() * (result.length + 1));
    const op = Math.floor(random() * 5);
    if (op === 0) result = result.slice(0, at) + pick(random, ALPHABET) + result.slice(at);
    else if (op === 1) result = result.slice(0, at) + result.slice(at + 1 + Math.floor(random() * 30));
    else if (op === 2) result = result.slice(0, at) + pick(random, SNIPPETS) + result.slice(at);
    else if (op === 3) result = result.slice(0, at) + result.slice(at, at + 40).repeat(2 + Math.floor(random() * 4)) + result.slice(at + 40);
    else {
      const lines = result.split('\n');
      lines.splice(Math.floor(random() * lines.length), 0, lines[Math.floor(random() * lines.length)]);
      result = lines.join('\n');
    }
  }
  return result;
}

/** Parses `count` inputs from `make`; fails naming the seed and input number of the first that throws or is malformed. */
function fuzz(seed: number, count: number, make: (random: () => number) => string): number {
  const random = seededRandom(seed);
  const started = performance.now();
  for (let n = 0; n < count; n++) {
    const text = make(random);
    try {
      assertWellFormed(text, parseHttpFile(text));
    } catch (error) {
      assert.fail(`seed ${seed} input #${n} ${JSON.stringify(text).slice(0, 300)}: ${String(error)}`);
    }
  }
  return performance.now() - started;
}

/** 1 MB mixing every pathological shape: unclosed braces, endless headers, lone CRs, deep `?` continuations. */
function pathologicalMegabyte(): string {
  const units = ['{{'.repeat(500), `GET http://a\n${'  ?x=1\n'.repeat(200)}`, `${'X'.repeat(3000)}: ${'{{v}}'.repeat(300)}\n`,
    '\r'.repeat(2000), `# @${'x'.repeat(2000)}\n`, `@${'a'.repeat(1000)} = ${'{{'.repeat(400)}\n`, '###\n'.repeat(300),
    `POST /\n\n${'<@ f\n'.repeat(300)}`, '\0\x1b\u202e'.repeat(600)];
  let text = '';
  for (let i = 0; text.length < MB; i++) text += units[i % units.length];
  return text;
}

describe('hardening: the parser under random, mutated and pathological input', function () {
  hardeningCase(__filename, AREA, 'parser never throws on 50,000 random inputs (seeded)',
    '50,000 random strings of .http syntax, NUL, controls, lone surrogates, bidi and line separators (seed 0xbad)', async () => {
      const ms = fuzz(0xbad, 50_000, randomText);
      recordMeasured(`parser fuzz: 50,000 random inputs in ${ms.toFixed(0)} ms`);
      return 'every input parsed; output well-formed (positions in bounds, blocks disjoint, methods upper-case)';
    }, 300_000);

  hardeningCase(__filename, AREA, 'parser never throws on 50,000 mutated realistic files (seeded)',
    '50,000 realistic files with 1-10 random edits each (inserts, deletions, repeats, duplicated lines; seed 0xf00d)', async () => {
      const ms = fuzz(0xf00d, 50_000, (random) => mutate(random, randomHttpFile(random, 5)));
      recordMeasured(`parser fuzz: 50,000 mutated files in ${ms.toFixed(0)} ms`);
      return 'every input parsed; output well-formed';
    }, 300_000);

  hardeningCase(__filename, AREA, 'a 1 MB pathological file parses in well under 1 s',
    '1 MB mixing unclosed {{, 3,000-char header names, lone CRs, 2,000-char directives, ### runs, <@ lines, NUL/ESC/RLO', async () => {
      const text = pathologicalMegabyte();
      parseHttpFile(text); // warm up the JIT
      const started = performance.now();
      const file = parseHttpFile(text);
      const ms = performance.now() - started;
      assertWellFormed(text, file);
      recordMeasured(`1 MB pathological file parsed in ${ms.toFixed(0)} ms (wall)`);
      assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
      return `parsed into ${file.requests.length} requests and ${file.diagnostics.length} diagnostics, well under 1 s`;
    }, 60_000);
});
