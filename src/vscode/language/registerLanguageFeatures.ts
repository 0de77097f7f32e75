import * as vscode from 'vscode';
import type { SessionStore } from '../../core/session/sessionStore';
import type { DocumentCache } from '../documentCache';
import { COMPLETION_TRIGGERS, CompletionProvider } from './completionProvider';
import { DefinitionProvider } from './definitionProvider';
import { DiagnosticsController } from './diagnosticsController';
import { DocumentSymbolProvider } from './documentSymbolProvider';
import { EnvironmentIndex, settingsEnvironment, type ActiveEnvironment } from './environmentIndex';
import { HoverProvider } from './hoverProvider';
import type { LanguageServices } from './languageServices';
import { NamedRequestIndex } from './namedRequestIndex';
import { QuickFixProvider } from './quickFixProvider';
import { ReferenceProvider } from './referenceProvider';
import { ScriptGlobalIndex } from './scriptGlobalIndex';

/** What the language features need from the composition root. */
export interface LanguageFeatureDeps {
  documents: DocumentCache;
  sessions: SessionStore;
  /** The environment chosen for a file; default: the `httpSession.environment` setting. */
  activeEnvironment?: ActiveEnvironment;
}

const HTTP: vscode.DocumentSelector = { language: 'http' };

/**
 * Registers completion, hover, definition, references, outline and diagnostics for `.http` files; everything
 * is disposed with the extension. Returns the environment index so a picker can say the choice changed.
 */
export function registerLanguageFeatures(context: vscode.ExtensionContext, deps: LanguageFeatureDeps): EnvironmentIndex {
  const environments = new EnvironmentIndex(deps.activeEnvironment ?? settingsEnvironment);
  const requests = new NamedRequestIndex(deps.documents);
  const globals = new ScriptGlobalIndex(deps.documents, requests);
  const services: LanguageServices = { documents: deps.documents, sessions: deps.sessions, environments, requests, globals };
  context.subscriptions.push(
    environments,
    requests,
    globals,
    new DiagnosticsController(services),
    vscode.languages.registerCompletionItemProvider(HTTP, new CompletionProvider(services), ...COMPLETION_TRIGGERS),
    vscode.languages.registerHoverProvider(HTTP, new HoverProvider(services)),
    vscode.languages.registerDefinitionProvider(HTTP, new DefinitionProvider(services)),
    vscode.languages.registerReferenceProvider(HTTP, new ReferenceProvider(services)),
    vscode.languages.registerCodeActionsProvider(HTTP, new QuickFixProvider(deps.documents), { providedCodeActionKinds: QuickFixProvider.kinds }),
    vscode.languages.registerDocumentSymbolProvider(HTTP, new DocumentSymbolProvider(deps.documents), { label: 'HTTP requests' }),
  );
  return environments;
}
