import * as assert from 'node:assert/strict';
import { captureImage, restoreImage } from '../../../src/core/scripts/memoryImage';
import { preparedSandbox } from '../../../src/core/scripts/preparedSandbox';

/** The image a scan of the whole memory finds: all but the first megabyte-long zero run, up to the last non-zero byte. */
function fullScan(memory: Uint8Array): [number, number][] {
  let top = memory.length;
  while (top > 0 && memory[top - 1] === 0) top--;
  top = Math.ceil(top / 4096) * 4096;
  let gapStart = -1;
  for (let page = 0; page < top; page += 4096) {
    const zero = memory.subarray(page, page + 4096).every((b) => b === 0);
    if (zero && gapStart < 0) gapStart = page;
    if (!zero && gapStart >= 0) {
      if (page - gapStart >= 1024 * 1024) return [[0, gapStart], [page, top]];
      gapStart = -1;
    }
  }
  return [[0, top]];
}

/** A memory laid out as an emscripten module's: data, a mostly untouched stack, the heap, zero past the break. */
function layout(): Uint8Array {
  const memory = new Uint8Array(8 * 1024 * 1024);
  memory.fill(1, 0, 90_000); // static data
  memory.fill(2, 5_300_000, 5_330_000); // the used top of the stack
  memory.fill(3, 5_340_000, 5_400_000); // heap
  memory.fill(4, 5_420_000, 5_430_000); // more heap, after a zero page of its own
  return memory;
}

describe('memory image of a WebAssembly memory', () => {
  it('keeps everything up to the last non-zero page but a zero run of a megabyte or more (the untouched stack)', () => {
    const image = captureImage(layout());
    assert.deepEqual(image.ranges.map((r) => [r.start, r.start + r.bytes.length]), [[0, 90_112], [5_296_128, 5_431_296]]);
    assert.equal(image.size, 90_112 + 5_431_296 - 5_296_128);
  });

  it('restoring writes back data and heap, zero pages inside the heap included', () => {
    const memory = layout();
    const image = captureImage(memory);
    memory.fill(9, 0, 100); // data changed
    memory.fill(9, 5_405_000, 5_415_000); // the zero page inside the heap written
    memory.fill(9, 5_345_000, 5_346_000); // heap changed
    restoreImage(memory, image);
    assert.deepEqual(memory, layout());
  });

  it('of the prepared sandbox (the real engine with the script API installed) is what a scan of the whole memory finds', async function () {
    this.timeout(20_000);
    // A memory size no other test uses: no script has run on this engine, so its memory is still the image.
    const sandbox = await preparedSandbox(41);
    assert.deepEqual(sandbox.image.ranges.map((r) => [r.start, r.start + r.bytes.length]), fullScan(sandbox.memory));
    assert.ok(sandbox.image.size < 1024 * 1024, `the image holds ${sandbox.image.size} bytes`);
  });

  it('leaves memory past the image alone (above the break nothing is read before it is written)', () => {
    const memory = layout();
    const image = captureImage(memory);
    memory.fill(7, 6_000_000, 6_001_000);
    restoreImage(memory, image);
    assert.equal(memory[6_000_500], 7);
  });
});
