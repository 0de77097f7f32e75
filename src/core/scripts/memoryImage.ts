/** The parts of a WebAssembly memory that hold state, copied at one moment, to be written back over it later. */
export interface MemoryImage {
  readonly ranges: readonly { readonly start: number; readonly bytes: Uint8Array }[];
  /** Bytes held (what a restore copies). */
  readonly size: number;
}

const PAGE = 4096;
/** A run of zero pages this long is the stack no call has reached yet, not state (see captureImage). */
const STACK_GAP = 1024 * 1024;
const ZERO_PAGE = new Uint8Array(PAGE);

/**
 * Copies what `memory` holds: the static data, the used top of the stack and the heap. An emscripten module
 * lays memory out as data, then the stack (growing down, mostly untouched), then the heap up to its break;
 * past the break memory is zero to its end. A run of zero pages of a megabyte or more is either the untouched
 * stack (the first such run), left out because whatever a later call leaves there is below the stack pointer
 * once it returns, or the memory past the break (the second), where the scan stops rather than read tens of
 * megabytes nothing has touched (~12 ms). Every other page is kept, zero pages inside the heap included.
 */
export function captureImage(memory: Uint8Array): MemoryImage {
  const ranges: { start: number; bytes: Uint8Array }[] = [];
  const end = memory.length - (memory.length % PAGE);
  let start = 0;
  let gaps = 0;
  let zeroRunStart = -1;
  let page = 0;
  for (; page < end; page += PAGE) {
    if (isZeroPage(memory, page)) {
      if (zeroRunStart < 0) zeroRunStart = page;
      if (page + PAGE - zeroRunStart < STACK_GAP) continue;
      // A megabyte of zero pages: the stack's untouched part, or the memory past the break.
      if (gaps++ === 0) {
        if (zeroRunStart > start) ranges.push({ start, bytes: memory.slice(start, zeroRunStart) });
        while (page + PAGE < end && isZeroPage(memory, page + PAGE)) page += PAGE;
        start = page + PAGE;
        zeroRunStart = -1;
        continue;
      }
      break;
    }
    zeroRunStart = -1;
  }
  const top = zeroRunStart >= 0 ? zeroRunStart : page;
  if (top > start) ranges.push({ start, bytes: memory.slice(start, top) });
  return { ranges, size: ranges.reduce((sum, r) => sum + r.bytes.length, 0) };
}

/** Writes `image` back over `memory`: the state is again what it was when the image was captured. */
export function restoreImage(memory: Uint8Array, image: MemoryImage): void {
  for (const range of image.ranges) memory.set(range.bytes, range.start);
}

function isZeroPage(memory: Uint8Array, offset: number): boolean {
  return Buffer.compare(memory.subarray(offset, offset + PAGE), ZERO_PAGE) === 0;
}
