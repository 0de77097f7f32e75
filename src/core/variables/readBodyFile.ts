import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { HttpSessionError } from '../errors';
import type { FileSegment } from '../http/types';

/** Where body files may come from. */
export interface BodyFileScope {
  /** Absolute path of the `.http` file: relative paths start from its directory. */
  filePath: string;
  /** Restricted Mode: only files inside `workspaceRoot` (or the `.http` file's directory when unset). */
  restricted?: boolean;
  workspaceRoot?: string;
}

/** Raw `< path` body files larger than this many bytes (1 MiB) are streamed from disk while sending, not read into memory. */
export const STREAM_BODY_FILES_OVER_BYTES = 1024 * 1024;

/**
 * Reads a `< path` body file: absolute, or relative to the `.http` file's directory. An unreadable file,
 * or in Restricted Mode one outside the workspace (symlinks followed), is a BODY_FILE error naming path and line.
 */
export async function readBodyFile(path: string, line: number, scope: BodyFileScope): Promise<Buffer> {
  const full = await bodyFilePath(path, line, scope);
  return readFile(full).catch((error: unknown) => { throw cannotRead(full, line, scope, error); });
}

/**
 * A raw `< path` body file: its bytes, or a FileSegment to stream when it is a regular file larger than
 * `streamOverBytes`. Same path rules and BODY_FILE errors as readBodyFile.
 */
export async function readOrStreamBodyFile(path: string, line: number, scope: BodyFileScope, streamOverBytes = STREAM_BODY_FILES_OVER_BYTES): Promise<Buffer | FileSegment> {
  const full = await bodyFilePath(path, line, scope);
  try {
    const info = await stat(full);
    if (info.isFile() && info.size > streamOverBytes) return { path: full, size: info.size, displayPath: path };
    return await readFile(full);
  } catch (error) {
    throw cannotRead(full, line, scope, error);
  }
}

/**
 * The absolute path of a body file after the Restricted Mode check (only files inside the workspace,
 * symlinks followed). Throws BODY_FILE naming path and line.
 */
export async function bodyFilePath(path: string, line: number, scope: BodyFileScope): Promise<string> {
  const full = isAbsolute(path) ? path : resolve(dirname(scope.filePath), path);
  if (!scope.restricted) return full;
  let rel: string;
  try {
    const root = await realpath(scope.workspaceRoot ?? dirname(scope.filePath));
    rel = relative(root, await realpath(full));
  } catch (error) {
    throw cannotRead(full, line, scope, error);
  }
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new HttpSessionError('BODY_FILE', `Body file '${path}' on line ${line + 1} is outside the workspace, which Restricted Mode does not allow`, { file: scope.filePath, line });
  }
  return full;
}

function cannotRead(full: string, line: number, scope: BodyFileScope, error: unknown): HttpSessionError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new HttpSessionError('BODY_FILE', `Cannot read body file '${full}' on line ${line + 1} (${reason})`, { file: scope.filePath, line }, error);
}
