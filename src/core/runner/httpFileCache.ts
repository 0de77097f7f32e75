import { readFile } from 'node:fs/promises';
import { parseHttpFile } from '../parser/parseHttpFile';
import type { HttpFile } from '../parser/types';

/** A `.http` file read for `# @import`: its parse, or why it could not be read. */
export type LoadedHttpFile = { file: HttpFile; error?: undefined } | { file?: undefined; error: string };

/** Reads a file's text (the editor passes one that prefers an open document's unsaved text). */
export type ReadText = (absolutePath: string) => Promise<string>;

/**
 * The `.http` files a run imports (`# @import ./other.http`), each read and parsed at most once, and only
 * when first asked for: make one per run (a CLI run, one send in the editor).
 */
export class HttpFileCache {
  private readonly loaded = new Map<string, Promise<LoadedHttpFile>>();

  constructor(private readonly readText: ReadText = (path) => readFile(path, 'utf8')) {}

  /** The parse of the file at `absolutePath`, or a plain reason it cannot be read ("no such file"). */
  load(absolutePath: string): Promise<LoadedHttpFile> {
    let entry = this.loaded.get(absolutePath);
    if (entry === undefined) {
      entry = this.read(absolutePath);
      this.loaded.set(absolutePath, entry);
    }
    return entry;
  }

  private async read(absolutePath: string): Promise<LoadedHttpFile> {
    try {
      return { file: parseHttpFile(await this.readText(absolutePath)) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : (error as Error).message;
      return { error: reason };
    }
  }
}
