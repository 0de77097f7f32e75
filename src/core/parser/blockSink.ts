import type { DiagnosticCounts } from './addDiagnostic';
import type { Diagnostic, FileVariable } from './types';

/** Where a block's results go: file-wide variables and diagnostics are appended in line order. */
export interface BlockSink {
  variables: FileVariable[];
  diagnostics: Diagnostic[];
  counts: DiagnosticCounts;
  /** The file's one note about directives of other tools, and the names it lists. */
  unknownDirectives?: { diagnostic: Diagnostic; names: string[] };
}
