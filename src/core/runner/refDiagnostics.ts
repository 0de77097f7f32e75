import type { Diagnostic, Directive, HttpFile } from '../parser/types';
import { findRefTarget, importLines } from './findRefTarget';
import type { HttpFileCache } from './httpFileCache';

/**
 * What the parser alone cannot know about `# @import` and `# @ref`: an import that cannot be read (a
 * warning at its line, naming the file), and a `# @ref` / `# @forceRef` whose name is neither in the file
 * nor in its imports (an error at the directive's line: that request is not sent). Reads each import once
 * per `cache`. The CLI adds these to the file's diagnostics before it runs; the editor shows them as you type.
 */
export async function refDiagnostics(file: HttpFile, filePath: string, cache: HttpFileCache): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<Directive>();
  for (const scope of [undefined, ...file.requests]) {
    for (const line of importLines({ file, filePath, block: scope })) {
      if (seen.has(line.directive)) continue;
      seen.add(line.directive);
      const loaded = await cache.load(line.absolutePath);
      if (loaded.error !== undefined) diagnostics.push(at(line.directive, `@import ${line.directive.value}: cannot read ${line.absolutePath} (${loaded.error})`, 'warning'));
    }
  }
  for (const block of file.requests) {
    for (const directive of block.directives) {
      if (directive.name !== 'ref' && directive.name !== 'forceRef') continue;
      const name = directive.value.trim();
      if (name === '' || (await findRefTarget(name, { file, filePath, block }, cache)).target) continue;
      diagnostics.push(at(directive, `@${directive.name} ${name}: no request named '${name}' in this file or the files it imports`, 'error'));
    }
  }
  return diagnostics;
}

function at(directive: Directive, message: string, severity: Diagnostic['severity']): Diagnostic {
  return { line: directive.line, column: 0, message, severity };
}
