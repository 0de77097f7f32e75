import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { sampleHttpFile } from './sampleHttpFile';

const MB = 1024 * 1024;

/**
 * CPU time of one parse in ms (this process's user + system time, GC threads included): unlike wall time it
 * does not grow when other processes share the machine's cores, so the bounds below do not flake.
 */
function cpuMs(text: string): number {
  const start = process.cpuUsage();
  parseHttpFile(text);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Fastest of `runs` parses in CPU ms. */
function bestMs(text: string, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, cpuMs(text));
  return best;
}

/** Repeats `unit` to about `bytes` characters. */
function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length));
}

const PATHOLOGICAL: ReadonlyArray<[string, (bytes: number) => string]> = [
  ['one line of #', (n) => fill('#', n)],
  ['one line of {{', (n) => fill('{{', n)],
  ['one line of :', (n) => fill(':', n)],
  ['one line of @', (n) => fill('@', n)],
  ['one line of "GET "', (n) => fill('GET ', n)],
  ['a URL followed by 1 MB of spaces', (n) => `GET https://a.test${' '.repeat(n)}HTTP/1.1`],
  ['a header name of 1 MB', (n) => `GET https://a.test\n${fill('X', n)}: v`],
  ['only CRLF line breaks', (n) => fill('\r\n', n)],
  ['lines of ###', (n) => fill('###\n', n)],
  ['lines of "GET /"', (n) => fill('GET /\n', n)],
  ['lines of "> {%"', (n) => fill('> {%\n', n)],
  ['lines of "@a" (bad variables)', (n) => fill('@a\n', n)],
  ['lines of "# @x y" (unknown directives)', (n) => fill('# @x y\n', n)],
  ['lines of "<@ f" body files', (n) => `POST /\n\n${fill('<@ f\n', n)}`],
  ['lines of "a:b" headers', (n) => `GET /\n${fill('a:b\n', n)}`],
  ['lines of indented URL pieces', (n) => `GET http://a\n${fill('  /p\n', n)}`],
];

describe('parser: linear time', function () {
  this.timeout(60_000);

  it('parsing 4x the requests takes less than 8x the time (best of 5 runs)', () => {
    const small = sampleHttpFile(2_000);
    const large = sampleHttpFile(8_000);
    bestMs(large, 2); // warm up the JIT
    // 25 ms of slack absorbs garbage-collector steps and a busy machine; a quadratic parser is far above it.
    const ratio = bestMs(large, 5) / (bestMs(small, 5) + 25);
    assert.ok(ratio < 8, `4x input took ${ratio.toFixed(1)}x the time`);
  });

  it('parses a 10,000-request realistic file into 10,000 requests', () => {
    const text = sampleHttpFile(10_000);
    parseHttpFile(text);
    const start = performance.now();
    const file = parseHttpFile(text);
    const ms = performance.now() - start;
    const cpu = bestMs(text, 3);
    assert.equal(file.requests.length, 10_000);
    assert.equal(file.diagnostics.filter((d) => d.severity === 'error').length, 0);
    console.log(`      10,000 requests (${(text.length / MB).toFixed(2)} MB) parsed in ${ms.toFixed(1)} ms wall, best ${cpu.toFixed(1)} ms CPU`);
  });

  for (const [label, make] of PATHOLOGICAL) {
    it(`1 MB of pathological input (${label}) parses in under 1 s of CPU and 4x input stays under 8x time`, () => {
      const full = make(MB);
      const quarter = make(MB / 4);
      assert.ok(Array.isArray(parseHttpFile(full).requests));
      const ms = bestMs(full, 2);
      assert.ok(ms < 1000, `${label}: ${ms.toFixed(0)} ms of CPU time`);
      // 25 ms of slack absorbs garbage-collector steps and a busy machine; quadratic behaviour is far above it.
      const ratio = ms / (bestMs(quarter, 3) + 25);
      assert.ok(ratio < 8, `${label}: 4x input took ${ratio.toFixed(1)}x the time`);
    });
  }
});
