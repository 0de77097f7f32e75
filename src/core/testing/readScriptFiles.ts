import type { HttpFile, ScriptRef } from '../parser/types';
import type { ScriptSource } from '../scripts/types';
import type { BodyFileScope } from '../variables/readBodyFile';
import type { ScriptFileSources } from './discoverTests';
import { loadScript } from './loadScript';

/**
 * The code of every `< ./file.js` and `> ./file.js` of `file`, read as a run would read it (relative to the
 * `.http` file, Restricted Mode's rule included), for finding their `client.test` names. A file that cannot
 * be read is left out: the run reports it.
 */
export async function readScriptFiles(file: HttpFile, scope: BodyFileScope): Promise<ScriptFileSources> {
  const refs: ScriptRef[] = [];
  for (const block of file.requests) {
    for (const ref of [...(block.preRequestScripts ?? []), ...(block.responseHandlers ?? [])]) if (ref.kind === 'file') refs.push(ref);
  }
  const sources = new Map<ScriptRef, ScriptSource>();
  await Promise.all(refs.map(async (ref) => {
    const source = await loadScript(ref, scope).catch(() => undefined);
    if (source !== undefined) sources.set(ref, source);
  }));
  return sources;
}
