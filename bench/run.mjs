// `npm run bench`: our engine side by side with the floor (plain undici + tough-cookie) and the peer (httpyac),
// in one run against one loopback server. Prints medians and ratios; writes bench/results.md.
import { copyFileSync, mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { startBenchServer } from './benchServer.mjs';
import { measureNode, median } from './measure.mjs';

const root = dirname(import.meta.dirname);
const require = createRequire(import.meta.url);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const peerRuns = Number(process.env.BENCH_PEER_RUNS ?? 2);
const requests = Number(process.env.BENCH_REQUESTS ?? 1000);
// BENCH_ONLY=session,api,parser,json,upload runs only those parts and leaves results.md alone.
const only = process.env.BENCH_ONLY?.split(',');
const want = (part) => !only || only.includes(part);
const cli = join(root, 'dist', 'cli.js');
const httpyacBin = require.resolve('httpyac/bin/httpyac.js');
const floor = join(import.meta.dirname, 'floor.mjs');
const work = mkdtempSync(join(tmpdir(), 'http-session-bench-'));
const rows = [];
const fmtMs = (ms) => `${ms.toFixed(0)} ms`;
const fmtKiB = (b) => `${(b / 1024).toFixed(0)} KiB`;
const fmtMiB = (b) => (Number.isFinite(b) ? `${(b / 1048576).toFixed(0)} MiB` : 'n/a');

if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm run bench does).');
const server = await startBenchServer();

/** Runs `args` `n` times; returns medians plus what the server saw on the last run. */
async function contestant(label, args, n, cwd) {
  const results = [];
  let seen;
  for (let i = 0; i < n; i++) {
    server.reset();
    const r = await measureNode(args, { timeoutMs: 300_000, cwd });
    if (r.code !== 0) throw new Error(`${label} exited ${r.code}: ${r.stderr || r.stdout}`);
    results.push(r);
    seen = { connections: server.stats.connections, ok: server.stats.statuses[200] ?? 0, stdoutBytes: r.stdoutBytes };
  }
  return { label, ms: median(results.map((r) => r.ms)), peakRss: median(results.map((r) => r.peakRss)), ...seen };
}

/**
 * Runs the contestants taking turns (one warm-up round, then `runs` rounds; a contestant with a smaller `n`
 * sits out the later rounds), so none gets a quieter moment of the shared machine. Returns medians as contestant() does.
 */
async function race(entries) {
  const results = entries.map(() => []);
  const seen = [];
  const rounds = Math.max(...entries.map((e) => e.n));
  for (let round = -1; round < rounds; round++) {
    for (const [i, e] of entries.entries()) {
      if (e.n === 0 || round >= e.n) continue;
      server.reset();
      const r = await measureNode(e.args, { timeoutMs: 300_000, cwd: e.cwd });
      if (r.code !== 0) throw new Error(`${e.label} exited ${r.code}: ${r.stderr || r.stdout}`);
      if (round < 0) continue;
      results[i].push(r);
      seen[i] = { connections: server.stats.connections, ok: server.stats.statuses[200] ?? 0, stdoutBytes: r.stdoutBytes };
    }
  }
  return entries.flatMap((e, i) => e.n === 0 ? [] : [{ label: e.label, ms: median(results[i].map((r) => r.ms)), peakRss: median(results[i].map((r) => r.peakRss)), ...seen[i] }]);
}

function report(title, entries, target) {
  const base = entries[0];
  rows.push(`\n### ${title}\n`, '| contestant | median time | ratio to floor | peak RSS | TCP connections | 200 answers | stdout |', '|---|---|---|---|---|---|---|');
  for (const e of entries) {
    rows.push(`| ${e.label} | ${fmtMs(e.ms)} | ${(e.ms / base.ms).toFixed(2)}x | ${fmtMiB(e.peakRss)} | ${e.connections ?? ''} | ${e.ok ?? ''} | ${e.stdoutBytes === undefined ? '' : fmtKiB(e.stdoutBytes)} |`);
  }
  if (target) rows.push(`\nTarget: ${target}`);
  console.log(rows.slice(rows.lastIndexOf(`\n### ${title}\n`)).join('\n'));
}

// 1. Login + N GET requests that need the session cookie, as one .http file, whole processes.
if (want('session')) {
  let file = `@base = ${server.url}\n\n### login\nPOST {{base}}/login\n`;
  for (let i = 1; i <= requests; i++) file += `\n###\nGET {{base}}/items/${i}\n`;
  const sessionFile = join(work, 'session.http');
  writeFileSync(sessionFile, file);
  report(`Login + ${requests} GETs needing the session cookie (whole process, turns taken, ${runs} runs after a warm-up, httpyac ${peerRuns})`, await race([
    { label: 'floor: undici + tough-cookie script', args: [floor, 'session', server.url, String(requests)], n: runs },
    { label: 'http-session CLI', args: [cli, 'send', sessionFile], n: runs },
    // httpyac only accepts files below its working directory.
    { label: 'httpyac CLI (peer)', args: [httpyacBin, 'send', 'session.http', '--all', '-o', 'none'], n: peerRuns, cwd: work },
  ]), 'ours at most 1.25x the floor, exactly 1 TCP connection, all answered 200');
}

// 1b. The same through a realistic API: a JSON login, then N GETs answered with small JSON documents
// (Content-Type: application/json), every contestant printing what it got into a pipe read to the end.
if (want('api')) {
  let file = `@base = ${server.url}\n\n### login\nPOST {{base}}/api/login\nContent-Type: application/json\nAccept: application/json\n\n{"username": "bench", "password": "bench-password"}\n`;
  for (let i = 1; i <= requests; i++) file += `\n### order ${i}\nGET {{base}}/api/orders/${i}\nAccept: application/json\n`;
  const apiFile = join(work, 'api.http');
  writeFileSync(apiFile, file);
  const entries = await race([
    { label: 'floor: undici + tough-cookie script, printing status and body', args: [floor, 'api', server.url, String(requests)], n: runs },
    { label: 'http-session CLI (status line, headers, pretty JSON)', args: [cli, 'send', apiFile], n: runs },
    { label: 'http-session CLI --json', args: [cli, 'send', apiFile, '--json'], n: runs },
    { label: 'http-session CLI -q (one line per request)', args: [cli, 'send', apiFile, '-q'], n: runs },
    { label: 'httpyac CLI (peer, -o response)', args: [httpyacBin, 'send', 'api.http', '--all', '-o', 'response'], n: peerRuns, cwd: work },
  ]);
  report(`JSON API: login + ${requests} GETs of small JSON documents, output read through a pipe (whole process, turns taken, ${runs} runs after a warm-up, httpyac ${peerRuns})`,
    entries, 'the CLI with its normal output at most 1.15x the floor, --json and -q cheaper still, exactly 1 TCP connection, all answered 200');
}

// 1c. Tests: the same login + N GETs, each with `?? status == 200` and a one-line response handler, through
// `http-session test`, beside the floor (which checks the status in plain JS); plus the in-process cost of one
// sandboxed script (the prepared runtime and context restored from their memory image, the handler, its tests).
if (want('tests')) {
  let file = `@base = ${server.url}\n\n### login\nPOST {{base}}/login\n?? status == 200\n`;
  for (let i = 1; i <= requests; i++) file += `\n###\nGET {{base}}/items/${i}\n?? status == 200\n> {% client.global.set("last", response.body.id); %}\n`;
  const testsFile = join(work, 'tests.http');
  writeFileSync(testsFile, file);
  report(`Login + ${requests} GETs, each with \`?? status == 200\` and a one-line handler (whole process, turns taken, ${runs} runs after a warm-up)`, await race([
    { label: 'floor: undici + tough-cookie script', args: [floor, 'session', server.url, String(requests)], n: runs },
    { label: 'http-session test', args: [cli, 'test', testsFile], n: runs },
  ]), 'ours at most 1.5x the floor, exactly 1 TCP connection, all answered 200');
  const { buildSync } = require('esbuild');
  const { nodeBundle } = await import('../scripts/esbuildNode.mjs');
  const scriptsBundle = join(root, 'dist', 'bench', 'scripts.js');
  buildSync({ ...nodeBundle, entryPoints: [join(root, 'src', 'core', 'scripts', 'runScript.ts')], bundle: true, outfile: scriptsBundle, logLevel: 'warning' });
  copyFileSync(join(root, 'dist', 'quickjs.wasm'), join(root, 'dist', 'bench', 'quickjs.wasm'));
  const { runScript } = require(scriptsBundle);
  const env = () => ({
    kind: 'response', environment: {}, requestVariables: new Map(),
    request: { method: 'GET', rawUrl: '{{base}}/items/1', url: `${server.url}/items/1`, rawBody: '', body: '', headers: [] },
    response: { status: 200, headers: [['content-type', 'application/json']], body: '{"id":"1","ok":true}', mimeType: 'application/json', charset: '' },
    globals: { get: () => undefined, set() {}, delete() {}, clear() {}, size: () => 0, entries: () => [] },
  });
  const source = { code: ' client.global.set("last", response.body.id); ', start: { file: 'tests.http', line: 5, column: 4 } };
  const cold = performance.now();
  await runScript(source, env());
  const firstMs = performance.now() - cold;
  const perScript = [];
  for (let round = 0; round < runs; round++) {
    const t = performance.now();
    for (let i = 0; i < requests; i++) await runScript(source, env());
    perScript.push((performance.now() - t) / requests);
  }
  rows.push(`\nPer script, in process (${requests} runs × ${runs}): ${median(perScript).toFixed(3)} ms median (restoring the prepared sandbox's memory image, the one-line handler, collecting its outcome); the first script of a process also prepares the engine: ${firstMs.toFixed(0)} ms.`);
  console.log(rows.at(-1));
}

// 2. Parsing a 10,000-request file, in process.
if (want('parser')) {
  const { parseHttpFile } = require(join(root, 'dist', 'bench', 'parser.js'));
  const httpyac = require('httpyac');
  await httpyac.cli.initIOProvider();
  let text = `@base = ${server.url}\n`;
  for (let i = 0; i < 10_000; i++) text += `\n### item ${i}\nGET {{base}}/items/${i}?q=${i}\nAccept: application/json\nX-Trace: ${i}\n\n{"id": ${i}}\n`;
  const ours = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const parsed = parseHttpFile(text);
    ours.push(performance.now() - t);
    if (parsed.requests.length !== 10_000) throw new Error(`parser found ${parsed.requests.length} requests`);
  }
  const peer = [];
  for (let i = 0; i < peerRuns; i++) {
    const t = performance.now();
    await new httpyac.store.HttpFileStore().parse(join(work, 'big.http'), text, { workingDir: work });
    peer.push(performance.now() - t);
  }
  report(`Parsing a 10,000-request file (${(text.length / 1048576).toFixed(1)} MB), in process`, [
    { label: 'http-session parser', ms: median(ours) },
    { label: 'httpyac parser (peer)', ms: median(peer) },
  ], 'ours under 150 ms (ratio column: relative to ours)');
}

// 3. Large JSON responses through the CLI vs the floor (fetch + pretty-print).
for (const size of want('json') ? ['1mb', '20mb'] : []) {
  const url = `${server.url}/json?size=${size}`;
  const f = join(work, `json-${size}.http`);
  writeFileSync(f, `GET ${url}\n`);
  report(`${size.toUpperCase()} JSON response, fetched and pretty-printed (whole process, ${runs} runs)`, [
    await contestant('floor: undici fetch + JSON pretty-print', [floor, 'json', url], runs),
    await contestant('http-session CLI', [cli, 'send', f], runs),
  ], 'ours at most 1.3x the floor, peak memory under 250 MiB');
}

// 4. Uploading a 100 MB file as a multipart part: streamed from disk, so memory should not grow with the file.
if (want('upload')) {
  const big = join(work, 'big.bin');
  const block = Buffer.alloc(1048576, 7);
  writeFileSync(big, '');
  for (let i = 0; i < 100; i++) writeFileSync(big, block, { flag: 'a' });
  const url = `${server.url}/upload`;
  const f = join(work, 'upload.http');
  writeFileSync(f, `POST ${url}\nContent-Type: multipart/form-data; boundary=B\n\n--B\nContent-Disposition: form-data; name="f"; filename="big.bin"\nContent-Type: application/octet-stream\n\n< ./big.bin\n--B--\n`);
  report(`Upload a 100 MB multipart file part (whole process, ${runs} runs, httpyac ${peerRuns})`, [
    await contestant('floor: undici streaming the file', [floor, 'upload', url, big], runs),
    await contestant('http-session CLI', [cli, 'send', f], runs),
    await contestant('httpyac CLI (peer)', [httpyacBin, 'send', 'upload.http', '--all', '-o', 'none'], peerRuns, work),
  ], 'ours at most 1.3x the floor in time, peak RSS within 50 MiB of the floor (the file is never held in memory)');
  rmSync(big);
}

await server.close();
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
if (!only) writeFileSync(join(import.meta.dirname, 'results.md'), `# Latest benchmark figures\n\nMachine: ${machine}\n${rows.join('\n')}\n`);
console.log(`\nMachine: ${machine}${only ? '' : '\nWritten to bench/results.md'}`);
