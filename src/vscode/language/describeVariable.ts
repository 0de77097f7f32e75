import * as path from 'node:path';
import * as vscode from 'vscode';
import { builtinVariable } from '../../core/editor/builtinVariables';
import { expressionKind } from '../../core/editor/expressionKind';
import { requestPrompts } from '../../core/editor/requestPrompts';
import { sessionNameFor } from '../../core/runner/sessionNameFor';
import { variableSourcesFor } from '../../core/runner/variableSourcesFor';
import { Session } from '../../core/session/session';
import { storedResponse } from '../../core/editor/storedResponse';
import { HttpSessionError } from '../../core/errors';
import { requestAtLine } from '../../core/parser/requestAtLine';
import { createResolver } from '../../core/variables/createResolver';
import { looksSecret, REDACTED } from '../../core/variables/redactSecrets';
import { editorRunContext } from '../workflow/editorRunContext';
import { knownGlobals } from './knownGlobals';
import type { KnownGlobal } from './knownGlobals';
import type { LanguageServices } from './languageServices';

/** Longest value shown in a hover, in characters. */
const MAX_SHOWN = 500;

/**
 * Markdown for a hover on `{{expression}}` at 0-based `line`: the value it resolves to now (masked when the
 * name looks secret) and where it comes from — file variable line, environment and file, built-in,
 * prompt, or named response with its session and arrival time.
 */
export async function describeVariable(services: LanguageServices, document: vscode.TextDocument, expression: string, line: number): Promise<vscode.MarkdownString> {
  const file = services.documents.get(document);
  const block = requestAtLine(file, line);
  const sessionName = sessionNameFor(file, block);
  const { layers, name: environment } = await services.environments.activeFor(document.uri);
  const envSources = layers.sourcesOf(environment);
  const kind = expressionKind(expression);
  const md = new vscode.MarkdownString();
  const value = (): string => resolve(services, document, expression, line, sessionName, envSources);
  md.appendMarkdown(`\`{{${expression}}}\`\n\n`);
  if (kind.kind === 'builtin') {
    const builtin = builtinVariable(kind.name);
    md.appendMarkdown(builtin ? `Built-in: ${builtin.description}` : `Unknown built-in \`${kind.name}\``);
    if (builtin && (kind.name === '$processEnv' || kind.name === '$dotenv')) appendValue(md, value, kind.args[0] ?? '');
    return md;
  }
  if (kind.kind === 'named') {
    const stored = storedResponse(services.sessions, sessionName, kind.name);
    if (!stored) {
      md.appendMarkdown(`Response of request \`${kind.name}\`: none stored yet — send the request named \`${kind.name}\` first.`);
      return md;
    }
    md.appendMarkdown(`Response of request \`${kind.name}\` (status ${stored.response.status}), session \`${stored.session}\`, received ${stored.response.receivedAt}`);
    appendValue(md, value, kind.reference.selector);
    return md;
  }
  const name = kind.name;
  const definition = [...file.variables].reverse().find((v) => v.name === name);
  const source = envSources.get(name);
  if (block && requestPrompts(block).includes(name)) md.appendMarkdown('Prompt of this request: asked when the request is sent.');
  else if (definition) md.appendMarkdown(`File variable, line ${definition.line + 1}`);
  else if (source) md.appendMarkdown(`Environment \`${source.environment}\`, ${path.basename(source.file)} line ${source.line + 1}`);
  else if (await describeGlobal(services, md, name, sessionName)) return md;
  else md.appendMarkdown(`Unknown variable: not defined in this file${environment ? ` nor in environment \`${environment}\`` : ''}.`);
  if (definition || source) appendValue(md, value, name);
  return md;
}

/** Describes `name` as a global when it is one (set where, and its value in the session, masked when secret-looking). */
async function describeGlobal(services: LanguageServices, md: vscode.MarkdownString, name: string, sessionName: string): Promise<boolean> {
  const global: KnownGlobal | undefined = (await knownGlobals(services.sessions, services.globals, sessionName)).get(name);
  if (!global) return false;
  const where = global.definitions.map((d) => `${path.basename(d.uri.fsPath)} line ${d.line + 1}`).join(', ');
  md.appendMarkdown(`Global${where ? `, set by \`client.global.set\` in ${where}` : ''}`);
  if (global.value === undefined) {
    md.appendMarkdown(`\n\nNot in session \`${sessionName}\` yet: run the request that sets it first.`);
    return true;
  }
  md.appendMarkdown(`\n\nIn session \`${sessionName}\``);
  appendValue(md, () => global.value!, name);
  return true;
}

function resolve(services: LanguageServices, document: vscode.TextDocument, expression: string, line: number, sessionName: string, envSources: Map<string, { value: string }>): string {
  const environment = Object.fromEntries([...envSources].map(([key, source]) => [key, source.value]));
  const ctx = { ...editorRunContext(document.uri, services.sessions, environment), filePath: document.uri.fsPath, file: services.documents.get(document) };
  // A hover never creates a session; a named response may come from another session (storedResponse).
  const session = services.sessions.names().includes(sessionName) ? services.sessions.get(sessionName) : new Session(sessionName);
  const sources = variableSourcesFor(ctx, session, {});
  return createResolver({ ...sources, namedResponse: (name) => storedResponse(services.sessions, sessionName, name)?.response }).expand(`{{${expression}}}`, line);
}

function appendValue(md: vscode.MarkdownString, compute: () => string, secretName: string): void {
  let text: string;
  try {
    text = compute();
  } catch (error) {
    md.appendMarkdown('\n\nCannot resolve now: ');
    md.appendText(error instanceof HttpSessionError ? error.message : String(error));
    return;
  }
  const shown = looksSecret(secretName) ? REDACTED : text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  md.appendMarkdown('\n\nValue: ');
  md.appendCodeblock(shown, 'text');
}
