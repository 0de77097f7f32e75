import * as vscode from 'vscode';
import type { SessionStore } from '../../core/session/sessionStore';
import { sessionTreeCommands } from './sessionTreeCommands';
import { SessionTreeProvider } from './sessionTreeProvider';

/** Creates the `httpSession.sessions` tree view and registers its commands; returns the provider (tests read it). */
export function registerSessionTree(context: vscode.ExtensionContext, store: SessionStore): SessionTreeProvider {
  const provider = new SessionTreeProvider(store);
  const view = vscode.window.createTreeView('httpSession.sessions', { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view);
  for (const [id, handler] of Object.entries(sessionTreeCommands(store))) {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
  return provider;
}
