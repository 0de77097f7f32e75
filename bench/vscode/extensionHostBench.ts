// Runs inside VS Code's extension host (loaded like the integration suite): activation time and CodeLens on a
// 10,000-request file. Writes its figures as JSON to `bench-vscode.json` in the workspace folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HttpSessionApi } from '../../src/extension';

/** Fresh documents measured for the CodeLens figure. */
const CODELENS_RUNS = 7;

/** Figures measured in the extension host, in ms. */
export interface ExtensionHostFigures {
  activationMs: number;
  codeLensMs: number[];
  codeLensCount: number;
}

function bigFile(seed: number): string {
  let text = `# run ${seed}\n@base = http://127.0.0.1:9\n`;
  for (let i = 0; i < 10_000; i++) text += `\n### item ${i}\nGET {{base}}/items/${i}?q=${i}\nAccept: application/json\n`;
  return text;
}

/** Entry called by the launcher: measures, writes the JSON, never throws for a slow figure. */
export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<HttpSessionApi>('http-session.http-session');
  if (!extension) throw new Error('extension http-session.http-session is not loaded');
  const api = await extension.activate();
  const codeLensMs: number[] = [];
  let codeLensCount = 0;
  // One warm-up document so the first figure does not include loading the provider's code paths.
  for (let i = 0; i <= CODELENS_RUNS; i++) {
    const document = await vscode.workspace.openTextDocument({ language: 'http', content: bigFile(i) });
    const started = performance.now();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const ms = performance.now() - started;
    codeLensCount = lenses.length;
    if (i > 0) codeLensMs.push(ms);
  }
  const figures: ExtensionHostFigures = { activationMs: api.activationMs, codeLensMs, codeLensCount };
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) throw new Error('the bench needs a workspace folder');
  fs.writeFileSync(path.join(folder, 'bench-vscode.json'), JSON.stringify(figures));
}
