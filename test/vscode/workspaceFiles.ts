import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** Writes `text` to `name` in the first workspace folder (the launcher's fresh temp workspace) and returns its URI. */
export function writeWorkspaceFile(name: string, text: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration suite needs a workspace folder (the launcher opens one)');
  const file = path.join(folder.uri.fsPath, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

/** The extension under test, activated; its exports are the HttpSessionApi. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension('http-session.http-session');
  if (!extension) throw new Error('extension http-session.http-session is not loaded');
  await extension.activate();
  return extension;
}
