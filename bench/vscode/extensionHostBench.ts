// Runs inside VS Code's extension host (loaded like the integration suite): activation time and CodeLens on a
// 10,000-request file, ours against two trivial providers (the floors). Writes its figures as JSON to
// `bench-vscode.json` in the workspace folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HttpSessionApi } from '../../src/extension';
import { trivialLensProvider } from './trivialLensProviders';

/** Fresh files measured per CodeLens case (after one warm-up round). */
const CODELENS_RUNS = 7;
/** Requests in the CodeLens file. */
const REQUESTS = 10_000;
/**
 * Lenses VS Code resolves per call: about one screen of this file (a lens every 4 lines, ~50 lines shown, so
 * ~13 on screen; 50 is generous), which is what the editor resolves. Every case gets the same count.
 */
export const RESOLVE_COUNT = Number(process.env.BENCH_CODELENS_RESOLVE ?? 50);

/** The CodeLens cases: ours, and trivial providers whose lenses come with commands (eager) or get them on resolve (lazy). */
export const LENS_CASES = ['ours', 'floorEager', 'floorLazy'] as const;
/** One CodeLens case. */
export type LensCase = (typeof LENS_CASES)[number];

/** Figures for one CodeLens case: ms per fresh file, lenses returned, and how many of them had a command. */
export interface LensFigures {
  ms: number[];
  returned: number;
  withCommand: number;
}

/** Figures measured in the extension host, in ms. */
export interface ExtensionHostFigures {
  activationMs: number;
  requests: number;
  resolveCount: number;
  codeLens: Record<LensCase, LensFigures>;
}

function bigFile(seed: number): string {
  let text = `# run ${seed}\n@base = http://127.0.0.1:9\n`;
  for (let i = 0; i < REQUESTS; i++) text += `\n### item ${i}\nGET {{base}}/items/${i}?q=${i}\nAccept: application/json\n`;
  return text;
}

/** The request lines of bigFile: two header lines, then four lines per request with the request line last but one. */
const requestLines = (): number[] => Array.from({ length: REQUESTS }, (_, i) => 4 + 4 * i);

const FILE_OF: Record<LensCase, (round: number) => string> = {
  ours: (round) => `bench-${round}.http`,
  floorEager: (round) => `floor-eager-${round}.txt`,
  floorLazy: (round) => `floor-lazy-${round}.txt`,
};

/** Entry called by the launcher: measures, writes the JSON, never throws for a slow figure. */
export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<HttpSessionApi>('http-session.http-session');
  if (!extension) throw new Error('extension http-session.http-session is not loaded');
  const api = await extension.activate();
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) throw new Error('the bench needs a workspace folder');
  const floors = [
    vscode.languages.registerCodeLensProvider({ pattern: '**/floor-eager-*.txt' }, trivialLensProvider('eager', requestLines)),
    vscode.languages.registerCodeLensProvider({ pattern: '**/floor-lazy-*.txt' }, trivialLensProvider('lazy', requestLines)),
  ];
  const empty = (): LensFigures => ({ ms: [], returned: 0, withCommand: 0 });
  const codeLens: Record<LensCase, LensFigures> = { ours: empty(), floorEager: empty(), floorLazy: empty() };
  try {
    // Round 0 warms up every code path; the cases take turns so none gets a quieter moment of the machine.
    for (let round = 0; round <= CODELENS_RUNS; round++) {
      for (const lensCase of LENS_CASES) {
        const file = path.join(folder, FILE_OF[lensCase](round));
        fs.writeFileSync(file, bigFile(round));
        const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
        const started = performance.now();
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, RESOLVE_COUNT);
        const ms = performance.now() - started;
        if (round === 0) continue;
        codeLens[lensCase].ms.push(ms);
        codeLens[lensCase].returned = lenses.length;
        codeLens[lensCase].withCommand = lenses.filter((l) => l.command).length;
      }
    }
  } finally {
    for (const floor of floors) floor.dispose();
  }
  const figures: ExtensionHostFigures = { activationMs: api.activationMs, requests: REQUESTS, resolveCount: RESOLVE_COUNT, codeLens };
  fs.writeFileSync(path.join(folder, 'bench-vscode.json'), JSON.stringify(figures));
}
