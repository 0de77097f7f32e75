// The in-editor half of `npm run bench`, in the real VS Code (code-server + headless Chromium): click to
// rendered status, a 20 MB JSON response, CodeLens on a 10,000-request file, activation time, bundle size.
// Prints a table and appends it to bench/results.md (written just before by bench/run.mjs).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { REPO_ROOT } from '../../scripts/vscode/paths';
import { freshRunDir, runInCodeServer } from '../../scripts/vscode/runInCodeServer';
import { openWorkbench } from '../../test/e2e/workbench';
import { startServer } from '../../test/support/startServer';
import type { ExtensionHostFigures, LensFigures } from './extensionHostBench';

const CLICKS = Number(process.env.BENCH_VSCODE_CLICKS ?? 7);
/**
 * Comma-separated parts to run; unset runs everything. `json20` (or `browser`): the browser part (small-response
 * clicks and the 20 MB JSON); `sendall`: Send All on 301 requests (also part of `browser`; `sendallview` runs only
 * its browser half); `codelens` /
 * `activation`: the extension-host part (with the Send All tree and save counts); `bundle`: the bundle sizes.
 */
const ONLY = process.env.BENCH_VSCODE_ONLY;
const wanted = (...parts: string[]): boolean => !ONLY || ONLY.split(',').some((p) => parts.includes(p.trim()));
const BIG_BYTES = 20 * 1024 * 1024;
const rows: string[] = [];
const now = (): number => performance.timeOrigin + performance.now();
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number): string => `${x.toFixed(0)} ms`;

function row(measure: string, figure: string, target: string, met: boolean): void {
  rows.push(`| ${measure} | ${figure} | ${target} | ${met ? 'yes' : '**no**'} |`);
}

/** (e) Minified sizes of the extension and webview bundles, built in memory as `--production` builds them. */
async function bundleSizes(): Promise<void> {
  const common = { bundle: true, minify: true, write: false, logLevel: 'silent' } as const;
  const extension = await esbuild.build({ ...common, entryPoints: [path.join(REPO_ROOT, 'src/extension.ts')], platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], external: ['vscode'], outfile: 'extension.js' });
  const webview = await esbuild.build({ ...common, entryPoints: [path.join(REPO_ROOT, 'src/webview/main.ts')], platform: 'browser', format: 'iife', target: 'es2022', outdir: 'webview' });
  const size = (r: esbuild.BuildResult<{ write: false }>): number => r.outputFiles.reduce((n, f) => n + f.contents.length, 0);
  const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
  row('extension bundle, minified (dist/extension.js)', kb(size(extension)), '< 1 MB', size(extension) < 1024 * 1024);
  row('webview bundle, minified (main.js + main.css)', kb(size(webview)), '(no target)', true);
}

/** (c) and (d): run bench/vscode/extensionHostBench.ts inside the extension host. */
async function extensionHostFigures(): Promise<void> {
  const outfile = path.join(REPO_ROOT, 'out', 'bench', 'vscode', 'extensionHostBench.js');
  await esbuild.build({ entryPoints: [path.join(REPO_ROOT, 'bench/vscode/extensionHostBench.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], outfile, logLevel: 'silent' });
  const runDir = freshRunDir('bench');
  const workspace = path.join(runDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  const code = await runInCodeServer({ testsPath: outfile, workspace, runDir, timeoutMs: 240_000 });
  if (code !== 0) throw new Error(`the extension-host bench exited ${code} (run folder ${runDir})`);
  const figures = JSON.parse(fs.readFileSync(path.join(workspace, 'bench-vscode.json'), 'utf8')) as ExtensionHostFigures;
  const { ours, floorEager, floorLazy } = figures.codeLens;
  const [oursMs, eagerMs, lazyMs] = [ours, floorEager, floorLazy].map((f) => median(f.ms));
  const shape = (f: LensFigures): string => `${f.returned} lenses back, ${f.withCommand} with a command`;
  const n = (x: number): string => x.toLocaleString('en-US');
  const best = (f: LensFigures): string => `best ${ms(Math.min(...f.ms))}`;
  const call = `executeCodeLensProvider(uri, ${figures.resolveCount}), median of ${ours.ms.length} fresh untitled .http files, cases taking turns`;
  row(`CodeLens, ${n(figures.requests)}-request file, ours (${call}; ${shape(ours)})`,
    `${ms(oursMs)} (${(oursMs / lazyMs).toFixed(2)}x floor A, ${(oursMs / eagerMs).toFixed(2)}x floor B; ${best(ours)})`, '≤ 1.1x floor A', oursMs <= 1.1 * lazyMs);
  row(`CodeLens floor A: trivial provider on the same files (ours switched off), ${n(figures.requests)} range-only lenses, command on resolve (${shape(floorLazy)})`, `${ms(lazyMs)} (${best(floorLazy)})`, '(floor)', true);
  const cpu = (f: LensFigures): number => median(f.hostCpuMs);
  row(`CodeLens, extension host CPU during the call (median): ours against floor A`, `${ms(cpu(ours))} vs ${ms(cpu(floorLazy))} (${(cpu(ours) / Math.max(cpu(floorLazy), 0.1)).toFixed(2)}x)`, '(context)', true);
  row(`CodeLens, ours alone: our provider called directly (cold parse, ${n(figures.requests)} lenses, ${figures.resolveCount} resolved)`, `${ms(median(figures.ownWorkMs))} (best ${ms(Math.min(...figures.ownWorkMs))})`, '(context)', true);
  row(`CodeLens floor B: trivial provider on the same files (ours switched off), ${n(figures.requests)} lenses with commands up front (${shape(floorEager)})`, `${ms(eagerMs)} (${best(floorEager)})`, '(floor)', true);
  const { sendAll } = figures;
  row(`Send All, ${sendAll.requests} requests each setting a cookie (extension host): session tree refreshes`, `${sendAll.treeUpdates}`, '1 per burst', sendAll.treeUpdates === 1);
  row(`Send All (extension host): session file writes`, `${sendAll.sessionSaves}`, '1 per burst', sendAll.sessionSaves === 1);
  row(`Send All (extension host): command → last result (${ms(sendAll.ms)}, statuses ${sendAll.statuses.join(', ')})`, ms(sendAll.ms), '(context)', sendAll.statuses.length === 1 && sendAll.statuses[0] === 200);
  row('activation (inside activate(), session file load included)', `${figures.activationMs.toFixed(1)} ms`, '< 50 ms', figures.activationMs < 50);
}

// In-page reads run in the view's document (strings: this file compiles without the DOM library). The page
// marks each render ('httpSession.responseRendered', right after the response went into the DOM, the latest
// only) and the bench reads it, so no watcher has to be installed in the page beforehand.
const PAGE_SCRIPT = `(() => {
  const mark = performance.getEntriesByName('httpSession.responseRendered')[0];
  return {
    page: document.getElementById('app')?.dataset.page ?? '',
    status: document.getElementById('status')?.textContent ?? '',
    rendered: mark ? performance.timeOrigin + mark.startTime : undefined,
    bodyShown: (document.querySelector('.body-view')?.textContent.length ?? 0) > 0,
  };
})()`;
const RESPONSIVE_SCRIPT = `(async () => {
  const frameDone = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  let t = performance.now();
  window.scrollBy(0, 20000);
  await frameDone();
  const scroll = performance.now() - t;
  t = performance.now();
  [...document.querySelectorAll('button.tab')].find((b) => b.textContent === 'Headers').click();
  await frameDone();
  return { scroll, click: performance.now() - t };
})()`;

/** One read of the view's current page: its number, status, and when (epoch ms) it rendered its response. */
interface PageRead {
  page: string;
  status: string;
  rendered?: number;
  bodyShown: boolean;
}

/** The view's current page (the inner #active-frame), if there is one. */
async function viewFrame(page: Page): Promise<Frame | undefined> {
  const inner = page.locator('iframe.webview.ready').last().contentFrame().locator('#active-frame');
  const handle = await inner.elementHandle({ timeout: 1_000 }).catch(() => null);
  return (await handle?.contentFrame()) ?? undefined;
}

async function readPage(page: Page): Promise<PageRead | undefined> {
  try {
    const frame = await viewFrame(page);
    return frame ? await frame.evaluate(PAGE_SCRIPT) as PageRead : undefined;
  } catch {
    return undefined; // the page was swapped during the read
  }
}

/** Polls (from here: the view's CSP rightly refuses the string evaluation waitForFunction uses) for a render other than `before` that shows `status`. */
async function nextRender(page: Page, before: PageRead | undefined, status: string): Promise<PageRead & { rendered: number }> {
  for (const end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
    const seen = await readPage(page);
    const fresh = seen !== undefined && (seen.page !== before?.page || seen.rendered !== before?.rendered);
    if (seen && fresh && seen.rendered !== undefined && seen.status.startsWith(status)) {
      if (!seen.bodyShown) throw new Error('the response rendered without its body');
      return { ...seen, rendered: seen.rendered };
    }
  }
  throw new Error('the response view did not render within 60 s');
}

const SEND_ALL_REQUESTS = 301;
const SEND_ALL_RUNS = Number(process.env.BENCH_SENDALL_RUNS ?? 2);
/** Longest gap between two of the workbench's animation frames since the monitor was (re)started. */
const FRAME_MONITOR = `(() => {
  const w = window;
  w.__benchGaps = { max: 0, last: performance.now(), on: true };
  const tick = (t) => { const g = w.__benchGaps; if (!g.on) return; g.max = Math.max(g.max, t - g.last); g.last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
const FRAME_STOP = '(() => { const g = window.__benchGaps; g.on = false; return g.max; })()';
const LABEL_SCRIPT = `(() => {
  const mark = performance.getEntriesByName('httpSession.responseRendered')[0];
  return { label: document.querySelector('.summary .label')?.textContent ?? '', rendered: mark ? performance.timeOrigin + mark.startTime : undefined };
})()`;

/**
 * The render stamp of the view's page once it shows `label` in a render after `after` (epoch ms). Polled every 50 ms through one frame handle (the
 * panel keeps its page): the stamp is the page's own, so polling less often does not change the figure, and
 * the bench's reads do not load the workbench whose frames it measures.
 */
async function renderOf(page: Page, label: string, after = 0, timeoutMs = 120_000): Promise<number> {
  let frame: Frame | undefined;
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    frame ??= await viewFrame(page).catch(() => undefined);
    const seen = frame ? await frame.evaluate(LABEL_SCRIPT).catch(() => { frame = undefined; return undefined; }) as { label: string; rendered?: number } | undefined : undefined;
    if (seen?.label === label && seen.rendered !== undefined && seen.rendered > after) return seen.rendered;
  }
  throw new Error(`the response view did not show ${label} within ${timeoutMs / 1000} s`);
}

/**
 * The workbench page's main-thread time during one part (Chromium's Performance metrics: tasks, script,
 * layout, style), printed as context; with BENCH_CPUPROFILE set (a folder), also a CPU profile of it written
 * as `<part>.cpuprofile` there (as the extension-host bench writes its own).
 */
async function watchPage(page: Page): Promise<{ stop(part: string): Promise<void> }> {
  const folder = process.env.BENCH_CPUPROFILE;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async (): Promise<Map<string, number>> => new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  if (folder) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  return {
    async stop(part) {
      if (folder) {
        const { profile } = await cdp.send('Profiler.stop');
        fs.mkdirSync(folder, { recursive: true });
        fs.writeFileSync(path.join(folder, `${part}.cpuprofile`), JSON.stringify(profile));
      }
      const after = await metrics();
      await cdp.detach();
      const delta = (name: string): number => (after.get(name) ?? 0) - (before.get(name) ?? 0);
      const durations = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'].map((name) => `${name.replace('Duration', '')} ${(delta(name) * 1000).toFixed(0)} ms`);
      console.log(`[bench:vscode] ${part}, workbench main thread: ${durations.join(', ')}, ${delta('LayoutCount')} layouts`);
    },
  };
}

/**
 * (f) Send All on a file of 301 small JSON requests (each sets a cookie, so the session changes every time),
 * started with its key in the editor: the server's last byte → the view showing the last response, the
 * workbench's longest frame gap during the run, and the run's length. Two runs, one workbench.
 */
async function sendAllFigures(): Promise<void> {
  const finished = new Map<string, number>();
  const server = await startServer((req, res) => {
    res.on('finish', () => finished.set(req.url ?? '', now()));
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Set-Cookie', `seen=${encodeURIComponent(req.url ?? '')}; Path=/`);
    res.end(JSON.stringify({ url: req.url, ok: true, items: [1, 2, 3] }));
  });
  const last = SEND_ALL_REQUESTS - 1;
  const text = Array.from({ length: SEND_ALL_REQUESTS }, (_, i) => `### r${i}\nGET ${server.url}/items/${i}\nAccept: application/json\n`).join('\n');
  const workbench = await openWorkbench({ 'sendall.http': text });
  try {
    const page = workbench.page;
    await page.keyboard.press('Control+Shift+E');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'sendall.http' }).first().click({ timeout: 30_000 });
    const lens = page.locator('.codelens-decoration a', { hasText: 'Send Request' }).first();
    await lens.waitFor({ timeout: 90_000 });
    await lens.click(); // warm-up: creates the panel
    await renderOf(page, 'r0');
    for (let run = 1; run <= SEND_ALL_RUNS; run++) {
      finished.clear();
      const watch = await watchPage(page);
      await page.evaluate(FRAME_MONITOR);
      const started = now();
      // The key goes to the .http editor; pressed again if the run did not start (focus was elsewhere).
      for (let tries = 0; tries < 3 && finished.size === 0; tries++) {
        await page.locator('.monaco-editor .view-lines', { hasText: '### r0' }).first().click();
        await page.keyboard.press('Control+Alt+Shift+R');
        for (let waited = 0; waited < 5_000 && finished.size === 0; waited += 100) await page.waitForTimeout(100);
      }
      const rendered = await renderOf(page, `r${last}`, started);
      const maxGap = await page.evaluate(FRAME_STOP) as number;
      await watch.stop(`send all run ${run}`);
      const lastByte = finished.get(`/items/${last}`) ?? NaN;
      const all = finished.size;
      row(`Send All, ${SEND_ALL_REQUESTS} small requests (run ${run}): server's last byte → last response shown`, ms(rendered - lastByte), 'within 200 ms', rendered - lastByte <= 200);
      row(`Send All (run ${run}): workbench's longest frame gap during the run`, ms(maxGap), '≤ 200 ms', maxGap <= 200);
      row(`Send All (run ${run}): key press → server had all ${all} requests`, ms(lastByte - started), '(context)', all === SEND_ALL_REQUESTS);
      console.log(`[bench:vscode] send all run ${run}: shown ${(rendered - lastByte).toFixed(0)} ms after the last byte, frame gap ${maxGap.toFixed(0)} ms, ${all} requests in ${(lastByte - started).toFixed(0)} ms`);
      await page.waitForTimeout(1_000);
    }
  } finally {
    await workbench.close();
    await server.close();
  }
}

/** (a) and (b): clicks in the browser, the render stamped in the view's page, and the server's own finish time. */
async function browserFigures(): Promise<void> {
  const big = Buffer.from(JSON.stringify({ items: Array.from({ length: 200_000 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'], pad: 'x'.repeat(50) })) }).slice(0, BIG_BYTES - 2) + '"}');
  const finished: number[] = [];
  const server = await startServer((req, res) => {
    res.on('finish', () => finished.push(now()));
    res.setHeader('Content-Type', 'application/json');
    res.end(req.url === '/big' ? big : '{"ok":true,"items":[1,2,3]}');
  });
  const workbench = await openWorkbench({ 'bench.http': `### small\nGET ${server.url}/small\n\n### big\nGET ${server.url}/big\n` });
  try {
    const page = workbench.page;
    await page.keyboard.press('Control+Shift+E');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'bench.http' }).first().click({ timeout: 30_000 });
    const lens = (n: number) => page.locator('.codelens-decoration a', { hasText: 'Send Request' }).nth(n);
    await lens(0).waitFor({ timeout: 90_000 });
    await lens(0).click(); // warm-up: creates the panel
    let shown = await nextRender(page, undefined, '200');

    const afterServer: number[] = [];
    const afterClick: number[] = [];
    for (let i = 0; i < CLICKS; i++) {
      const clicked = now();
      await lens(0).click();
      shown = await nextRender(page, shown, '200');
      const done = finished[finished.length - 1];
      afterServer.push(shown.rendered - done);
      afterClick.push(shown.rendered - clicked);
      await page.waitForTimeout(200);
    }
    row(`small response: server's last byte → status rendered (median of ${CLICKS} clicks)`, ms(median(afterServer)), 'within 150 ms', median(afterServer) <= 150);
    row(`small response: click → status rendered (median of ${CLICKS} clicks)`, ms(median(afterClick)), '(context)', true);
    console.log(`[bench:vscode] small: last byte → rendered ${afterServer.map((x) => x.toFixed(0)).join(', ')} ms`);

    await lens(1).click();
    shown = await nextRender(page, shown, '200');
    const done = finished[finished.length - 1];
    // The status and the first body lines go into the page in one DOM update (nextRender checks the body is there).
    row('20 MB JSON: server\'s last byte → status rendered', ms(shown.rendered - done), '< 1 s', shown.rendered - done < 1000);
    row('20 MB JSON: server\'s last byte → first body lines shown', ms(shown.rendered - done), '< 1 s', shown.rendered - done < 1000);
    const frame = await viewFrame(page);
    if (!frame) throw new Error('no response view frame');
    const responsive = await frame.evaluate(RESPONSIVE_SCRIPT) as { scroll: number; click: number };
    const worst = Math.max(responsive.scroll, responsive.click);
    row('20 MB JSON shown: scroll and tab click answered (worst)', ms(worst), '< 200 ms', worst < 200);
  } finally {
    await workbench.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  if (wanted('bundle')) await bundleSizes();
  if (wanted('codelens', 'activation', 'sendall')) await extensionHostFigures();
  if (wanted('json20', 'browser')) await browserFigures();
  if (wanted('sendall', 'browser', 'sendallview')) await sendAllFigures();
  const table = ['', '### In the real VS Code (code-server + headless Chromium)', '', '| measure | figure | target | met |', '|---|---|---|---|', ...rows, ''];
  console.log(table.join('\n'));
  // A partial run (BENCH_VSCODE_ONLY) is for iterating: it leaves bench/results.md alone.
  if (!ONLY) fs.appendFileSync(path.join(REPO_ROOT, 'bench', 'results.md'), `${table.join('\n')}\n`);
  console.log(`[bench:vscode] ${((Date.now() - started) / 1000).toFixed(0)} s${ONLY ? '' : '; appended to bench/results.md'}`);
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(`[bench:vscode] FAILED: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
