/** The parts of a WebAssembly memory that hold state, copied at one moment, to be written back over it later. */
export interface MemoryImage {
  readonly ranges: readonly { readonly start: number; readonly bytes: Uint8Array }[];
  /** Bytes held (what a restore copies). */
  readonly size: number;
}

const PAGE = 4096;
/** A run of zero pages this long is the stack no call has reached yet, not state (see captureImage). */
const STACK_GAP = 1024 * 1024;
const BLOCK = 1024 * 1024;
const ZERO_BLOCK = new Uint8Array(BLOCK);

/**
 * Copies what `memory` holds below its last non-zero page: the static data, the used top of the stack and
 * the heap. An emscripten module lays memory out as data, then the stack (growing down, mostly untouched),
 * then the heap up to its break; past the break, and in the untouched stack, memory is still zero. A run of
 * zero pages of a megabyte or more is that untouched stack and is left out: whatever a later call leaves
 * there is below the stack pointer once it returns, so nothing reads it. Everything else up to the last
 * non-zero page is kept, zero pages included (a zero page inside the heap is state too).
 */
export function captureImage(memory: Uint8Array): MemoryImage {
  const top = lastNonZeroPageEnd(memory);
  const ranges: { start: number; bytes: Uint8Array }[] = [];
  let start = 0;
  let zeroRunStart = -1;
  for (let page = 0; page < top; page += PAGE) {
    if (isZeroPage(memory, page)) {
      if (zeroRunStart < 0) zeroRunStart = page;
      continue;
    }
    if (zeroRunStart >= 0 && page - zeroRunStart >= STACK_GAP) {
      if (zeroRunStart > start) ranges.push({ start, bytes: memory.slice(start, zeroRunStart) });
      start = page;
    }
    zeroRunStart = -1;
  }
  if (top > start) ranges.push({ start, bytes: memory.slice(start, top) });
  return { ranges, size: ranges.reduce((sum, r) => sum + r.bytes.length, 0) };
}

/** Writes `image` back over `memory`: the state is again what it was when the image was captured. */
export function restoreImage(memory: Uint8Array, image: MemoryImage): void {
  for (const range of image.ranges) memory.set(range.bytes, range.start);
}

function isZeroPage(memory: Uint8Array, offset: number): boolean {
  return isZero(memory, offset, PAGE);
}

/** Zero past the heap's break is most of the memory: it is skipped a megabyte at a time, then a page at a time. */
function lastNonZeroPageEnd(memory: Uint8Array): number {
  let end = memory.length - (memory.length % PAGE);
  while (end >= BLOCK && isZero(memory, end - BLOCK, BLOCK)) end -= BLOCK;
  while (end > 0 && isZeroPage(memory, end - PAGE)) end -= PAGE;
  return end;
}

function isZero(memory: Uint8Array, offset: number, length: number): boolean {
  return Buffer.compare(memory.subarray(offset, offset + length), ZERO_BLOCK.subarray(0, length)) === 0;
}
