import type { Diagnostic } from './types';

/** Most diagnostics of each severity kept per file: a broken or binary file must not flood the editor or cost time. */
export const MAX_DIAGNOSTICS = 1000;

/** Counts of diagnostics reported so far, kept beside the list so capping stays O(1). */
export interface DiagnosticCounts {
  error: number;
  warning: number;
  info: number;
}

/**
 * Appends a diagnostic unless MAX_DIAGNOSTICS of its severity are already there; the first one over the
 * cap becomes a note of the same severity saying so, so a file with dropped errors still shows an error.
 */
export function addDiagnostic(diagnostics: Diagnostic[], counts: DiagnosticCounts, diagnostic: Diagnostic): void {
  const count = ++counts[diagnostic.severity];
  if (count <= MAX_DIAGNOSTICS) {
    diagnostics.push(diagnostic);
  } else if (count === MAX_DIAGNOSTICS + 1) {
    diagnostics.push({
      line: diagnostic.line,
      column: 0,
      message: `Too many ${diagnostic.severity}s in this file; only the first ${MAX_DIAGNOSTICS} are shown`,
      severity: diagnostic.severity,
    });
  }
}
