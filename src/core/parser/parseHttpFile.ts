import type { HttpFile } from './types';

/** Parses a `.http`/`.rest` file. Never throws; problems become diagnostics. Linear in the text's size. */
export function parseHttpFile(_text: string): HttpFile {
  throw new Error('parseHttpFile: not implemented yet (parser helper)');
}
