import * as path from 'node:path';

/**
 * Which `.http` files name which `./file.js` scripts (absolute paths), so a change to a script refreshes only
 * the files that use it. Pure (no 'vscode'), keyed by the `.http` file's URI string.
 */
export class ScriptFileIndex {
  private readonly scriptsOf = new Map<string, ReadonlySet<string>>();

  /** Records the scripts the file `httpUri` names now (none: forgets it). */
  set(httpUri: string, scriptPaths: Iterable<string>): void {
    const scripts = new Set([...scriptPaths].map((p) => path.normalize(p)));
    if (scripts.size === 0) this.scriptsOf.delete(httpUri);
    else this.scriptsOf.set(httpUri, scripts);
  }

  /** Forgets the file `httpUri` (deleted, or it names no script any more). */
  delete(httpUri: string): void {
    this.scriptsOf.delete(httpUri);
  }

  /** The `.http` files (URI strings) that name the script at `scriptPath`. */
  usersOf(scriptPath: string): string[] {
    const script = path.normalize(scriptPath);
    return [...this.scriptsOf].filter(([, scripts]) => scripts.has(script)).map(([uri]) => uri);
  }
}
