import * as vscode from 'vscode';
import type { RequestBlock } from '../../core/parser/types';
import { requestName } from '../../core/runner/requestLabel';
import { looksSecret, REDACTED } from '../../core/variables/redactSecrets';
import type { DocumentCache } from '../documentCache';

/** Longest request URL shown in a symbol name, in characters. */
const MAX_LABEL = 80;
/** Above this many requests headers are left out of the outline: tens of thousands of symbols slow the editor. */
const MAX_REQUESTS_WITH_HEADERS = 1000;

/**
 * Outline and breadcrumbs: one symbol per request, named by its `###` title, its `# @name` or "METHOD URL",
 * with its headers as children (up to 1,000 requests); file variables as variables.
 */
export class DocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly documents: DocumentCache) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const file = this.documents.get(document);
    const symbols = file.variables.map((v) => {
      const range = document.lineAt(v.line).range;
      return new vscode.DocumentSymbol(`@${v.name}`, looksSecret(v.name) ? REDACTED : v.value, vscode.SymbolKind.Variable, range, range);
    });
    const withHeaders = file.requests.length <= MAX_REQUESTS_WITH_HEADERS;
    for (const request of file.requests) symbols.push(requestSymbol(document, request, withHeaders));
    return symbols.sort((a, b) => a.range.start.line - b.range.start.line);
  }
}

function requestSymbol(document: vscode.TextDocument, request: RequestBlock, withHeaders: boolean): vscode.DocumentSymbol {
  const line = `${request.method} ${clip(request.url)}`;
  const name = requestName(request) ?? line;
  const separator = request.range.startLine > 0 && /^\s*###/.test(document.lineAt(request.range.startLine - 1).text);
  // Without a separator the block may open with file variables; the request starts at its own comments.
  const start = separator ? request.range.startLine - 1 : Math.min(request.requestLine, ...request.directives.map((d) => d.line));
  const end = document.lineAt(Math.max(request.range.endLine, request.requestLine)).range.end;
  const symbol = new vscode.DocumentSymbol(name, name === line ? '' : line, vscode.SymbolKind.Method,
    new vscode.Range(start, 0, end.line, end.character), document.lineAt(request.requestLine).range);
  if (!withHeaders) return symbol;
  symbol.children = request.headers.map((h) => {
    const range = document.lineAt(h.line).range;
    return new vscode.DocumentSymbol(h.name, looksSecret(h.name) ? REDACTED : clip(h.value), vscode.SymbolKind.Property, range, range);
  });
  return symbol;
}

function clip(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL)}…` : text;
}
