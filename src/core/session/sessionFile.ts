import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { removeStaleTemps } from './removeStaleTemps';
import type { DispatcherFactory } from './session';
import { SessionStore } from './sessionStore';

/** What loading a session file gave: the store, and plain warnings (a corrupt file moved aside). */
export interface LoadedSessionFile {
  store: SessionStore;
  warnings: string[];
}

/**
 * Reads the session file at `path`. A missing file gives an empty store; a corrupt one (bad JSON or shape)
 * is moved aside as `<path>.corrupt-<timestamp>` with a warning, and a fresh store is returned. Never throws
 * for bad content.
 */
export async function loadSessionFile(path: string, dispatcherFactory?: DispatcherFactory): Promise<LoadedSessionFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { store: new SessionStore(dispatcherFactory), warnings: [] };
    throw error;
  }
  try {
    return { store: SessionStore.fromJSON(JSON.parse(text), dispatcherFactory), warnings: [] };
  } catch (error) {
    const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(path, aside);
    // JSON.parse quotes the file's own bytes; a corrupt file must not put terminal escapes into the warning.
    const reason = error instanceof SyntaxError ? 'it is not valid JSON' : error instanceof Error ? error.message : String(error);
    return {
      store: new SessionStore(dispatcherFactory),
      warnings: [`The session file ${path} could not be read (${reason}); it was moved to ${aside} and a fresh session started.`],
    };
  }
}

/**
 * Writes `store` to `path` atomically: a temp file in the same folder, fsync, then rename over the old file.
 * Temps left by a process that died mid-save are removed afterwards.
 */
export async function saveSessionFile(path: string, store: SessionStore): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(store.toJSON(), null, 2)}\n`, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(temp, path);
  await syncDirectory(dir);
  await removeStaleTemps(path);
}

/** Makes the rename itself durable; not every platform lets a folder be opened, so failure is ignored. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort (Windows cannot fsync a directory).
  }
}
