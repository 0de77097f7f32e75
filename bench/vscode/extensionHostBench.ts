// Runs inside VS Code's extension host (loaded like the integration suite): activation time and CodeLens on a
// 10,000-request file, ours against two trivial providers (the floors). Writes its figures as JSON to
// `bench-vscode.json` in the workspace folder.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as inspector from 'node:inspector';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HttpSessionApi } from '../../src/extension';
import { CodeLensProvider } from '../../src/vscode/codeLensProvider';
import { DocumentCache } from '../../src/vscode/documentCache';
import { trivialLensProvider } from './trivialLensProviders';

/** Fresh files measured per CodeLens case (after one warm-up round); even, so ours and floor A go first equally often. */
const CODELENS_RUNS = Number(process.env.BENCH_CODELENS_RUNS ?? 12);
/** Requests in the CodeLens file. */
const REQUESTS = 10_000;
/**
 * Lenses VS Code resolves per call: about one screen of this file (a lens every 4 lines, ~50 lines shown, so
 * ~13 on screen; 50 is generous), which is what the editor resolves. Every case gets the same count.
 */
export const RESOLVE_COUNT = Number(process.env.BENCH_CODELENS_RESOLVE ?? 50);

/** The CodeLens cases: ours, and trivial providers whose lenses get their command on resolve (lazy, floor A) or come with it (eager, floor B). */
export const LENS_CASES = ['ours', 'floorEager', 'floorLazy'] as const;
/** One CodeLens case. */
export type LensCase = (typeof LENS_CASES)[number];

/** Figures for one CodeLens case: ms per fresh file, lenses returned, and how many of them had a command. */
export interface LensFigures {
  ms: number[];
  /** CPU time the extension host spent during each call (user + system), in ms: less noisy than wall time on a loaded machine. */
  hostCpuMs: number[];
  returned: number;
  withCommand: number;
}

/** Figures measured in the extension host, in ms. */
export interface ExtensionHostFigures {
  activationMs: number;
  requests: number;
  resolveCount: number;
  codeLens: Record<LensCase, LensFigures>;
  /** Our provider called directly (a cold parse, every lens provided, RESOLVE_COUNT resolved), without VS Code. */
  ownWorkMs: number[];
  /** Send All on SEND_ALL_REQUESTS requests that each set a cookie: how often the tree and the session file were updated. */
  sendAll: { requests: number; ms: number; treeUpdates: number; sessionSaves: number; statuses: number[] };
}

/** Requests in the Send All file (the shape: 301 small requests). */
const SEND_ALL_REQUESTS = 301;

/**
 * Send All through the command, against a loopback server whose every response sets a cookie (the session
 * changes each time): counts the tree's refreshes and the session file's writes, until 1 s after the first of each.
 */
async function sendAllCounts(api: HttpSessionApi, folder: string): Promise<ExtensionHostFigures['sendAll']> {
  const server = http.createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Set-Cookie', `seen=${encodeURIComponent(req.url ?? '')}; Path=/`);
    res.end(JSON.stringify({ url: req.url, ok: true }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const file = path.join(folder, 'sendall-counts.http');
  fs.writeFileSync(file, Array.from({ length: SEND_ALL_REQUESTS }, (_, i) => `### r${i}\nGET ${base}/items/${i}\n`).join('\n'));
  let treeUpdates = 0;
  let sessionSaves = 0;
  const listeners = [api.sessionTree.onDidChangeTreeData(() => { treeUpdates += 1; }), api.onDidSaveSession(() => { sessionSaves += 1; })];
  try {
    const started = performance.now();
    const results = await vscode.commands.executeCommand<Array<{ exchange?: { response?: { status: number } } }>>('httpSession.sendAll', vscode.Uri.file(file));
    const ms = performance.now() - started;
    // Until the (delayed) save has happened, then a second more for any late second update.
    for (let waited = 0; waited < 10_000 && (sessionSaves === 0 || treeUpdates === 0); waited += 50) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1_000));
    return { requests: results.length, ms, treeUpdates, sessionSaves, statuses: [...new Set(results.map((r) => r.exchange?.response?.status ?? 0))] };
  } finally {
    for (const listener of listeners) listener.dispose();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Our provider's own work on `document`: a fresh cache (so the parse counts), provide, resolve the first `count`. */
function ownWork(document: vscode.TextDocument, count: number): number {
  const documents = new DocumentCache();
  const provider = new CodeLensProvider(documents);
  try {
    const started = performance.now();
    const lenses = provider.provideCodeLenses(document);
    for (const lens of lenses.slice(0, count)) provider.resolveCodeLens(lens);
    return performance.now() - started;
  } finally {
    provider.dispose();
    documents.dispose();
  }
}

function bigFile(seed: number): string {
  let text = `# run ${seed}\n@base = http://127.0.0.1:9\n`;
  for (let i = 0; i < REQUESTS; i++) text += `\n### item ${i}\nGET {{base}}/items/${i}?q=${i}\nAccept: application/json\n`;
  return text;
}

/** The request lines of bigFile: two header lines, then four lines per request with the request line last but one. */
const requestLines = (): number[] => Array.from({ length: REQUESTS }, (_, i) => 4 + 4 * i);

/**
 * Every case measures an untitled `http` document of the same shape, so what our extension does with an open
 * `.http` file (diagnostics, indexes) is the same for all; during a floor's turn our lenses are switched off
 * (`httpSession.codeLens.enabled`), so only the floor gives lenses. Untitled, so no workspace scan of named
 * requests sees them (each written file of 10,000 requests would set off one, a cost of the bench's setup
 * rather than of the lenses).
 */
const FLOOR_SELECTOR: vscode.DocumentSelector = { language: 'http', scheme: 'untitled' };
/** Wait between opening a case's document and asking for its lenses, in ms: the checks opening sets off are done by then. */
const SETTLE_MS = 500;

/** Switches our CodeLens provider on or off (user setting), and waits until the extension host sees it. */
async function setOurLenses(enabled: boolean): Promise<void> {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('httpSession');
  if (config().get<boolean>('codeLens.enabled') === enabled) return;
  await config().update('codeLens.enabled', enabled ? undefined : false, vscode.ConfigurationTarget.Global);
  for (let i = 0; i < 100 && config().get<boolean>('codeLens.enabled') !== enabled; i++) await new Promise((r) => setTimeout(r, 20));
}

/**
 * With BENCH_CPUPROFILE set (a folder), a CPU profile of the extension host for one part of the bench, written
 * as `<part>.cpuprofile` there (open it in Chrome's DevTools or VS Code); unset, nothing is profiled.
 */
async function startProfile(): Promise<{ stop(part: string): Promise<void> } | undefined> {
  const folder = process.env.BENCH_CPUPROFILE;
  if (!folder) return undefined;
  const session = new inspector.Session();
  session.connect();
  const post = <T>(method: string, params?: object): Promise<T> =>
    new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return {
    async stop(part) {
      const { profile } = await post<{ profile: object }>('Profiler.stop');
      session.disconnect();
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, `${part}.cpuprofile`), JSON.stringify(profile));
    },
  };
}

/** Entry called by the launcher: measures, writes the JSON, never throws for a slow figure. */
export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<HttpSessionApi>('http-session.http-session');
  if (!extension) throw new Error('extension http-session.http-session is not loaded');
  const api = await extension.activate();
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) throw new Error('the bench needs a workspace folder');
  // First, while only the workspace's own files are open (the CodeLens part leaves 30 big documents open).
  const sendAllProfiler = await startProfile();
  const sendAll = await sendAllCounts(api, folder);
  await sendAllProfiler?.stop('sendall');
  const empty = (): LensFigures => ({ ms: [], hostCpuMs: [], returned: 0, withCommand: 0 });
  const codeLens: Record<LensCase, LensFigures> = { ours: empty(), floorEager: empty(), floorLazy: empty() };
  const ownWorkMs: number[] = [];
  const profiler = await startProfile();
  let oursDocuments = 0;
  try {
    // Round 0 warms up every code path. Ours and floor A take turns, first one then the other going first (an
    // A/A run of floor A against itself showed the first of a pair ~1.2-1.6x slower here, so a fixed order is
    // not fair); floor B's 10,000 commands leave the most garbage behind, so its rounds come after (context only).
    const pair = (round: number): LensCase[] => (round % 2 === 0 ? ['ours', 'floorLazy'] : ['floorLazy', 'ours']);
    const turns: LensCase[][] = [...Array.from({ length: CODELENS_RUNS + 1 }, (_, round) => pair(round)), ...Array.from({ length: CODELENS_RUNS + 1 }, () => ['floorEager'] as LensCase[])];
    for (const [index, cases] of turns.entries()) {
      const round = index % (CODELENS_RUNS + 1);
      for (const lensCase of cases) {
        const floor = lensCase === 'ours' ? undefined
          : vscode.languages.registerCodeLensProvider(FLOOR_SELECTOR, trivialLensProvider(lensCase === 'floorEager' ? 'eager' : 'lazy', requestLines));
        try {
          await setOurLenses(!floor);
          const document = await vscode.workspace.openTextDocument({ language: 'http', content: bigFile(round) });
          // What opening the file sets off (diagnostics, indexes) is the same for every case: let it settle first.
          await new Promise((r) => setTimeout(r, SETTLE_MS));
          const cpu = process.cpuUsage();
          const started = performance.now();
          const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, RESOLVE_COUNT);
          const ms = performance.now() - started;
          const used = process.cpuUsage(cpu);
          if (round === 0) continue;
          codeLens[lensCase].ms.push(ms);
          codeLens[lensCase].hostCpuMs.push((used.user + used.system) / 1000);
          codeLens[lensCase].returned = lenses.length;
          codeLens[lensCase].withCommand = lenses.filter((l) => l.command).length;
          if (!floor) oursDocuments += 1;
        } finally {
          floor?.dispose();
        }
      }
    }
  } finally {
    await setOurLenses(true);
  }
  // Our provider's own work, after the turns (its cold parses leave garbage that would land in the next turn)
  // with our lenses on, each on a freshly opened file: VS Code may close a file no editor shows.
  for (let i = 0; i < oursDocuments; i++) {
    ownWorkMs.push(ownWork(await vscode.workspace.openTextDocument({ language: 'http', content: bigFile(100 + i) }), RESOLVE_COUNT));
  }
  await profiler?.stop('codelens');
  const figures: ExtensionHostFigures = { activationMs: api.activationMs, requests: REQUESTS, resolveCount: RESOLVE_COUNT, codeLens, ownWorkMs, sendAll };
  fs.writeFileSync(path.join(folder, 'bench-vscode.json'), JSON.stringify(figures));
}
