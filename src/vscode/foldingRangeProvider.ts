import * as vscode from 'vscode';
import type { DocumentCache } from './documentCache';

/**
 * Folds each request from its `###` separator (or first line) to its last line. Language-configuration
 * markers cannot do this: the `###` that ends one request also starts the next.
 */
export class FoldingRangeProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly documents: DocumentCache) {}

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    return this.documents.get(document).requests.flatMap((request) => {
      const start = request.range.startLine > 0 && /^\s*###/.test(document.lineAt(request.range.startLine - 1).text)
        ? request.range.startLine - 1
        : request.range.startLine;
      return request.range.endLine > start ? [new vscode.FoldingRange(start, request.range.endLine, vscode.FoldingRangeKind.Region)] : [];
    });
  }
}
