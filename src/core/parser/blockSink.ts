import type { DiagnosticCounts } from './addDiagnostic';
import type { Diagnostic, FileVariable } from './types';

/** Where a block's results go: file-wide variables and diagnostics are appended in line order. */
export interface BlockSink {
  variables: FileVariable[];
  diagnostics: Diagnostic[];
  counts: DiagnosticCounts;
}
