import * as assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readCapped } from '../../../src/core/http/readCapped';

/** A stream of `chunks` (Buffers), ended. */
const streamOf = (chunks: string[]): Readable => Readable.from(chunks.map((c) => Buffer.from(c)), { objectMode: false });

describe('readCapped: a response body read up to the cap, held once', () => {
  it('without a declared size, the chunks are joined', async () => {
    const { body, truncated } = await readCapped(streamOf(['ab', 'cd', 'e']), 100);
    assert.equal(Buffer.from(body).toString(), 'abcde');
    assert.equal(truncated, false);
  });

  it('with the Content-Length it declared, the chunks are copied into one buffer of that size (never joined)', async () => {
    const concat = Buffer.concat;
    let joins = 0;
    Buffer.concat = ((...args: Parameters<typeof Buffer.concat>) => { joins++; return concat(...args); }) as typeof Buffer.concat;
    try {
      const big = 'x'.repeat(70_000);
      const { body } = await readCapped(streamOf([big, big, 'end']), 1_000_000, 140_003);
      assert.equal(body.length, 140_003);
      assert.equal(Buffer.from(body).subarray(-3).toString(), 'end');
      assert.equal(joins, 0);
    } finally {
      Buffer.concat = concat;
    }
  });

  it('a body longer or shorter than it declared is still read as it came', async () => {
    assert.equal(Buffer.from((await readCapped(streamOf(['abc', 'def', 'ghi']), 100, 4)).body).toString(), 'abcdefghi');
    assert.equal(Buffer.from((await readCapped(streamOf(['abc']), 100, 10)).body).toString(), 'abc');
  });

  it('the cap holds with a declared size: reading stops there and says so', async () => {
    const { body, truncated } = await readCapped(streamOf(['abcdef', 'ghij']), 8, 10);
    assert.equal(Buffer.from(body).toString(), 'abcdefgh');
    assert.equal(truncated, true);
  });
});
