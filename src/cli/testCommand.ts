import { writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { HttpSessionError } from '../core/errors';
import { HttpFileCache } from '../core/runner/httpFileCache';
import { refDiagnostics } from '../core/runner/refDiagnostics';
import { withRefs } from '../core/runner/refResults';
import { runEach } from '../core/runner/runFile';
import type { RunResult } from '../core/runner/types';
import { loadSessionFile, saveSessionFile } from '../core/session/sessionFile';
import { SessionStore } from '../core/session/sessionStore';
import { requestReport, totals } from '../core/testing/testReport';
import type { FileReport, TestRunReport } from '../core/testing/testReport';
import type { CliIo } from './cliIo';
import { collectHttpFiles } from './collectHttpFiles';
import { certificatePassphrase } from './certificatePassphrase';
import { noteConfirmation } from './noteConfirmation';
import { printFailure, SourceLines } from './printFailures';
import { resultLabel } from './printResult';
import { htmlReport } from './reports/htmlReport';
import { jsonReport } from './reports/jsonReport';
import { cliOAuthInteraction } from './oauthPrompts';
import { engineSettings, environmentFor, exitCodeOf, readHttpFile, reportDiagnostics } from './sendCommand';
import { parseTestOptions } from './testOptions';
import type { TestOptions } from './testOptions';
import { TEST_USAGE } from './usage';
import { EXIT } from './usageError';

/**
 * `http-session test PATH...`: every request of every file (sorted) through one session, with its tests.
 * One line per request, then each failure in Hurl's layout, then `N passed, M failed`; reports on request.
 * Exit: 2 a file problem, else 1 a request got no response, else 4 a test failed, else 0.
 */
export async function testCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseTestOptions(args);
  if (options.help) {
    io.out(TEST_USAGE);
    return EXIT.ok;
  }
  const files = await collectHttpFiles(options.paths);
  const loaded = options.sessionPath ? await loadSessionFile(options.sessionPath) : { store: new SessionStore(), warnings: [] };
  for (const warning of loaded.warnings) io.err(io.style('yellow', `warning: ${warning}`));
  const started = Date.now();
  const report: TestRunReport = { files: [], passed: 0, failed: 0, startedAt: new Date(started).toISOString(), ms: 0 };
  const codes = new Set<number>();
  // One cache for the run: a file imported by several is read and parsed once.
  const imports = new HttpFileCache();
  try {
    for (const shown of files) {
      const file = await runTestFile(shown, options, loaded.store, io, codes, imports);
      report.files.push(file);
      if (options.bail && fileFailed(file)) break;
    }
  } finally {
    if (options.sessionPath) await saveSessionFile(options.sessionPath, loaded.store);
    await loaded.store.close();
  }
  Object.assign(report, totals(report.files), { ms: Date.now() - started });
  printAllFailures(report, io);
  if (files.length === 0) io.err(io.style('yellow', `warning: no .http or .rest files in ${options.paths.join(', ')}`));
  await writeReports(report, options);
  // The plain closing line CI systems read: nothing else on it.
  io.out(`${report.passed} passed, ${report.failed} failed`);
  for (const code of [EXIT.input, EXIT.noResponse, EXIT.testFailed]) if (codes.has(code)) return code;
  return EXIT.ok;
}

async function runTestFile(shown: string, options: TestOptions, sessions: SessionStore, io: CliIo, codes: Set<number>, imports: HttpFileCache): Promise<FileReport> {
  const filePath = resolve(shown);
  const report: FileReport = { file: shown, path: filePath, requests: [], problems: [] };
  io.out(io.style('bold', shown));
  try {
    const file = await readHttpFile(filePath, shown);
    file.diagnostics.push(...(await refDiagnostics(file, filePath, imports)));
    if (reportDiagnostics(file, shown, io)) {
      report.problems.push(...file.diagnostics.filter((d) => d.severity === 'error').map((d) => `${shown}:${d.line + 1}:${d.column + 1}: ${d.message}`));
      codes.add(EXIT.input);
      return report;
    }
    const environment = await environmentFor(filePath, options, io);
    const confirm = noteConfirmation(options.yes, io);
    const ctx = { filePath, file, sessions, environment, overrides: options.vars, settings: engineSettings(options), scriptLimits: options.scriptLimits, imports, oauth: cliOAuthInteraction(io, options.oauthWaitSeconds), ...(confirm ? { confirm } : {}), ...certificatePassphrase(io) };
    const reportResult = (result: RunResult): void => {
      const entry = requestReport(result, resultLabel(result));
      report.requests.push(entry);
      const failed = entry.tests.filter((t) => !t.passed).length;
      const mark = failed > 0 || entry.status === null ? io.style('red', '✘') : io.style('green', '✔');
      const status = entry.status !== null ? String(entry.status) : io.style('red', result.error?.code === 'SCRIPT' ? 'not sent' : 'no response');
      const counts = failed > 0 ? io.style('red', ` (${failed} of ${entry.tests.length} tests failed)`) : '';
      io.out(`  ${mark} ${entry.label}  ${status}  ${io.style('dim', `${entry.ms} ms`)}${counts}`);
      if (result.error?.isInputError) {
        // A ref from an imported file is named by its own file.
        const where = result.filePath === filePath ? shown : relative(process.cwd(), result.filePath);
        report.problems.push(`${where}:${(result.error.location?.line ?? result.request.requestLine) + 1}: ${result.error.message}`);
        io.err(io.style('red', `    error: ${result.error.message}`));
      }
      const code = exitCodeOf(result);
      if (code !== EXIT.ok) codes.add(code);
    };
    await runEach(ctx, file.requests, (sent) => {
      // A `# @ref` sent first is reported like any request (its tests count), before the one that needed it.
      for (const result of withRefs(sent)) reportResult(result);
    });
  } catch (error) {
    if (!(error instanceof HttpSessionError)) throw error;
    report.problems.push(error.describe());
    io.err(io.style('red', `  error: ${error.describe()}`));
    codes.add(error.isInputError ? EXIT.input : EXIT.noResponse);
  }
  return report;
}

function fileFailed(file: FileReport): boolean {
  return file.problems.length > 0 || file.requests.some((r) => r.status === null || r.tests.some((t) => !t.passed));
}

function printAllFailures(report: TestRunReport, io: CliIo): void {
  const lines = new SourceLines();
  let first = true;
  for (const file of report.files) {
    for (const request of file.requests) {
      for (const test of request.tests) {
        if (test.passed) continue;
        if (first) io.out('');
        first = false;
        printFailure(request.label, test, io, lines);
      }
    }
  }
}

async function writeReports(report: TestRunReport, options: TestOptions): Promise<void> {
  // Loaded only when asked for: the XML builder and its dependencies cost every other run ~10 ms to load.
  if (options.junit) await writeFile(options.junit, (await import('./reports/junitReport')).junitReport(report), 'utf8');
  if (options.json) await writeFile(options.json, jsonReport(report), 'utf8');
  if (options.html) await writeFile(options.html, htmlReport(report), 'utf8');
}
