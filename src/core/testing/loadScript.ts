import { readFile } from 'node:fs/promises';
import type { ScriptRef } from '../parser/types';
import type { ScriptSource } from '../scripts/types';
import { bodyFilePath } from '../variables/readBodyFile';
import type { BodyFileScope } from '../variables/readBodyFile';

/**
 * The code of a script and where it starts: inline `{% … %}` code sits in the `.http` file after `{%`; a
 * `./file.js` is read relative to the `.http` file, with the Restricted Mode rule body files follow (only
 * files inside the workspace). Throws an Error with a plain message when the file cannot be read.
 */
export async function loadScript(ref: ScriptRef, scope: BodyFileScope): Promise<ScriptSource> {
  if (ref.kind === 'inline') return { code: ref.code, start: { file: scope.filePath, line: ref.codeLine, column: ref.codeColumn } };
  const full = await bodyFilePath(ref.path, ref.line, scope).catch((error: unknown) => {
    throw new Error((error instanceof Error ? error.message : String(error)).replace(/^Body file/, 'Script file'));
  });
  try {
    return { code: await readFile(full, 'utf8'), start: { file: full, line: 0, column: 0 } };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message;
    throw new Error(`Script file '${ref.path}' on line ${ref.line + 1} cannot be read: ${reason}`);
  }
}
