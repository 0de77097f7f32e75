import * as vscode from 'vscode';
import { HEADER_NAMES, HEADER_VALUES } from '../../core/editor/headerCatalog';
import { DIRECTIVES } from '../../core/parser/directiveTable';
import { HTTP_METHODS } from '../../core/parser/httpMethods';

/** Methods for the start of a request line; each inserts `METHOD ` . */
export function methodCompletions(range: vscode.Range): vscode.CompletionItem[] {
  return HTTP_METHODS.map((method, i) => {
    const item = new vscode.CompletionItem(method, vscode.CompletionItemKind.Keyword);
    item.insertText = `${method} `;
    item.range = range;
    item.sortText = String(i).padStart(2, '0');
    item.detail = method === 'GRAPHQL' ? 'GraphQL query (sent as POST)' : 'HTTP method';
    return item;
  });
}

/** Header names; accepting one inserts `Name: ` and asks for its values. */
export function headerNameCompletions(range: vscode.Range): vscode.CompletionItem[] {
  return HEADER_NAMES.map(([name, description]) => {
    const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Field);
    item.insertText = `${name}: `;
    item.range = range;
    item.documentation = description;
    if (HEADER_VALUES[name.toLowerCase()]) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
    return item;
  });
}

/** Common values of header `header` (Content-Type media types, Accept, Authorization schemes …). */
export function headerValueCompletions(header: string, range: vscode.Range): vscode.CompletionItem[] {
  return (HEADER_VALUES[header.toLowerCase()] ?? []).map((value, i) => {
    const item = new vscode.CompletionItem(value, vscode.CompletionItemKind.Value);
    item.range = range;
    item.sortText = String(i).padStart(2, '0');
    return item;
  });
}

/**
 * Directives after `# @`, each with its one-line documentation and a snippet for its value; in the prologue
 * only those that act there (the table's 'file-or-request' ones).
 */
export function directiveCompletions(range: vscode.Range, inPrologue = false): vscode.CompletionItem[] {
  const offered = inPrologue ? DIRECTIVES.filter((d) => d.placement === 'file-or-request') : DIRECTIVES;
  return offered.map((directive, i) => {
    const item = new vscode.CompletionItem(directive.name, vscode.CompletionItemKind.Keyword);
    item.insertText = new vscode.SnippetString(directive.snippet);
    item.range = range;
    item.detail = `# @${directive.usage}`;
    item.documentation = directive.doc;
    item.sortText = String(i).padStart(2, '0');
    return item;
  });
}

/** Request names after `# @ref ` / `# @forceRef `: those of the file and of the files it imports. */
export function requestNameCompletions(names: readonly string[], range: vscode.Range): vscode.CompletionItem[] {
  return names.map((name) => {
    const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Reference);
    item.range = range;
    item.detail = 'named request';
    return item;
  });
}
