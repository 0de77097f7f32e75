import * as path from 'node:path';
import * as vscode from 'vscode';
import { BUILTIN_VARIABLES } from '../../core/editor/builtinVariables';
import { jsonPaths } from '../../core/editor/jsonPaths';
import { requestPrompts } from '../../core/editor/requestPrompts';
import { sessionNameFor } from '../../core/runner/sessionNameFor';
import { storedResponse } from '../../core/editor/storedResponse';
import { requestAtLine } from '../../core/parser/requestAtLine';
import { looksSecret, REDACTED } from '../../core/variables/redactSecrets';
import { knownGlobals } from './knownGlobals';
import type { LanguageServices } from './languageServices';

/** Most completions offered for the stored responses of one `{{`, so a huge body cannot flood the list. */
const MAX_RESPONSE_ITEMS = 400;

/**
 * Completions inside `{{`: file variables, the active environment's variables, prompts of this request,
 * `$` built-ins (snippets for their arguments), and named requests with the `response.body.$…` paths and
 * `response.headers.…` names of their stored responses. `range` starts at the expression.
 */
export async function variableCompletions(services: LanguageServices, document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CompletionItem[]> {
  const file = services.documents.get(document);
  const closing = document.lineAt(range.end.line).text.slice(range.end.character).startsWith('}}') ? '' : '}}';
  const items: vscode.CompletionItem[] = [];
  const add = (label: string, kind: vscode.CompletionItemKind, group: number, detail: string, documentation?: string): vscode.CompletionItem => {
    const item = new vscode.CompletionItem(label, kind);
    item.insertText = label + closing;
    item.range = range;
    item.sortText = `${group}${label}`;
    item.detail = detail;
    if (documentation !== undefined) item.documentation = documentation;
    items.push(item);
    return item;
  };
  for (const variable of file.variables) {
    add(variable.name, vscode.CompletionItemKind.Variable, 1, `file variable, line ${variable.line + 1}`, shown(variable.name, variable.value));
  }
  const { layers, name: environment } = await services.environments.activeFor(document.uri);
  for (const [key, source] of layers.sourcesOf(environment)) {
    add(key, vscode.CompletionItemKind.Constant, 2, `environment ${source.environment} (${path.basename(source.file)})`, shown(key, source.value));
  }
  const block = requestAtLine(file, range.start.line);
  if (block) for (const prompt of requestPrompts(block)) add(prompt, vscode.CompletionItemKind.Variable, 0, 'prompt of this request');
  const sessionName = sessionNameFor(file, block);
  for (const global of (await knownGlobals(services.sessions, services.globals, sessionName)).values()) {
    const where = global.definitions[0] ? `, set in ${path.basename(global.definitions[0].uri.fsPath)} line ${global.definitions[0].line + 1}` : '';
    add(global.name, vscode.CompletionItemKind.Variable, 2, `global${where}`, global.value === undefined ? 'not in the session yet' : shown(global.name, global.value));
  }
  addNamedRequests(services, sessionName, add);
  for (const builtin of BUILTIN_VARIABLES) {
    const item = add(builtin.name, vscode.CompletionItemKind.Function, 4, 'built-in', builtin.description);
    item.insertText = new vscode.SnippetString(builtin.snippet + closing);
  }
  return items;
}

type Add = (label: string, kind: vscode.CompletionItemKind, group: number, detail: string, documentation?: string) => vscode.CompletionItem;

function addNamedRequests(services: LanguageServices, sessionName: string, add: Add): void {
  let budget = MAX_RESPONSE_ITEMS;
  for (const name of [...services.requests.names()].sort()) {
    const stored = storedResponse(services.sessions, sessionName, name);
    if (!stored) {
      add(`${name}.response.body.$`, vscode.CompletionItemKind.Reference, 3, `request ${name} (no response stored yet)`);
      add(`${name}.response.headers`, vscode.CompletionItemKind.Reference, 3, `request ${name} (no response stored yet)`);
      continue;
    }
    const from = `response of ${name} (${stored.response.status}, session ${stored.session}, ${stored.response.receivedAt})`;
    add(`${name}.response.body.*`, vscode.CompletionItemKind.Reference, 3, `${from}: whole body`);
    for (const jsonPath of jsonPaths(stored.response.body, budget)) {
      add(`${name}.response.body.${jsonPath}`, vscode.CompletionItemKind.Field, 3, from);
      budget--;
    }
    for (const header of new Set(stored.response.headers.map(([key]) => key))) {
      if (budget-- <= 0) break;
      add(`${name}.response.headers.${header}`, vscode.CompletionItemKind.Property, 3, from);
    }
  }
}

function shown(name: string, value: string): string {
  return looksSecret(name) ? REDACTED : value;
}
