import { readFile, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { HttpSessionError } from '../errors';

/** Where body files may come from. */
export interface BodyFileScope {
  /** Absolute path of the `.http` file: relative paths start from its directory. */
  filePath: string;
  /** Restricted Mode: only files inside `workspaceRoot` (or the `.http` file's directory when unset). */
  restricted?: boolean;
  workspaceRoot?: string;
}

/**
 * Reads a `< path` body file: absolute, or relative to the `.http` file's directory. An unreadable file,
 * or in Restricted Mode one outside the workspace (symlinks followed), is a BODY_FILE error naming path and line.
 */
export async function readBodyFile(path: string, line: number, scope: BodyFileScope): Promise<Buffer> {
  const fail = (message: string, cause?: unknown): HttpSessionError =>
    new HttpSessionError('BODY_FILE', message, { file: scope.filePath, line }, cause);
  const full = isAbsolute(path) ? path : resolve(dirname(scope.filePath), path);
  try {
    if (scope.restricted) {
      const root = await realpath(scope.workspaceRoot ?? dirname(scope.filePath));
      const rel = relative(root, await realpath(full));
      if (rel.startsWith('..') || isAbsolute(rel)) {
        throw fail(`Body file '${path}' on line ${line + 1} is outside the workspace, which Restricted Mode does not allow`);
      }
    }
    return await readFile(full);
  } catch (error) {
    if (error instanceof HttpSessionError) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw fail(`Cannot read body file '${full}' on line ${line + 1} (${reason})`, error);
  }
}
