import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { HttpSessionError } from '../core/errors';
import { parseHttpFile } from '../core/parser/parseHttpFile';
import { requestErrors } from '../core/parser/requestErrors';
import type { HttpFile, RequestBlock } from '../core/parser/types';
import { HttpFileCache } from '../core/runner/httpFileCache';
import { refDiagnostics } from '../core/runner/refDiagnostics';
import { withRefs } from '../core/runner/refResults';
import { requestLabel } from '../core/runner/requestLabel';
import { runEach } from '../core/runner/runFile';
import { DEFAULT_ENGINE_SETTINGS } from '../core/runner/types';
import type { EngineSettings, RunResult } from '../core/runner/types';
import { loadSessionFile, saveSessionFile } from '../core/session/sessionFile';
import { SessionStore } from '../core/session/sessionStore';
import { environmentDir, environmentRootForCli } from '../core/variables/environmentDir';
import { loadEnvironments } from '../core/variables/environments';
import type { CliIo } from './cliIo';
import { certificatePassphrase } from './certificatePassphrase';
import { noteConfirmation } from './noteConfirmation';
import { cliOAuthInteraction } from './oauthPrompts';
import { secretMask } from './outputSecrets';
import type { SecretMask } from './outputSecrets';
import { PrintBehind } from './printBehind';
import { printQuietResult, printResult } from './printResult';
import { printTests } from './printTests';
import { resultJson } from './resultJson';
import { selectRequests } from './selectRequests';
import type { SendOptions } from './sendOptions';
import { parseSendOptions } from './sendOptions';
import { SEND_USAGE } from './usage';
import { EXIT } from './usageError';

/**
 * `http-session send FILE`: parses FILE, sends the chosen requests in order through one SessionStore
 * (loaded from and saved to `--session PATH`), prints each result, and resolves the exit status:
 * 0 every request got a response and passed its tests, 1 one got no response (the run stops there), 2 a
 * problem in the file, 4 a test, `??` assertion or script failed (the run goes on).
 */
export async function sendCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseSendOptions(args);
  if (options.help) {
    io.out(SEND_USAGE);
    return EXIT.ok;
  }
  const filePath = resolve(options.file);
  const file = await readHttpFile(filePath, options.file);
  const imports = new HttpFileCache();
  file.diagnostics.push(...(await refDiagnostics(file, filePath, imports)));
  reportDiagnostics(file, options.file, io);
  const chosen = selectRequests(file, options.file, { names: options.names, line: options.line });
  const blocks = refuseErrored(file, chosen, options.file, io);
  const environment = await environmentFor(filePath, options, io);
  const loaded = options.sessionPath ? await loadSessionFile(options.sessionPath) : { store: new SessionStore(), warnings: [] };
  for (const warning of loaded.warnings) io.err(io.style('yellow', `warning: ${warning}`));
  let exitCode: number = EXIT.ok;
  const mask = secretMask(options.showSecrets);
  // Each result prints while the next request is on the wire; prompts and warnings print what came before them first.
  const behind = new PrintBehind(io);
  const shown = behind.io;
  try {
    const confirm = noteConfirmation(options.yes, shown);
    await runEach({ filePath, file, sessions: loaded.store, environment, overrides: options.vars, settings: engineSettings(options), scriptLimits: options.scriptLimits, imports, oauth: cliOAuthInteraction(shown, options.oauthWaitSeconds), ...(confirm ? { confirm } : {}), ...certificatePassphrase(shown) }, blocks, (sent) => {
      // A `# @ref` sent first is printed (and counted) like any request, before the one that needed it.
      for (const result of withRefs(sent)) {
        behind.later(() => printOne(result, sent, options, io, mask));
        const code = exitCodeOf(result);
        if (code !== EXIT.ok && (exitCode === EXIT.ok || exitCode === EXIT.testFailed)) exitCode = code;
      }
    });
  } finally {
    try {
      behind.drain();
    } finally {
      if (options.sessionPath) await saveSessionFile(options.sessionPath, loaded.store);
      await loaded.store.close();
    }
  }
  return blocks.length < chosen.length && (exitCode === EXIT.ok || exitCode === EXIT.testFailed) ? EXIT.input : exitCode;
}

/** Prints one result as `--json`, `-q` or the normal output asks; `sent` is the request a `# @ref` result was sent for. */
function printOne(result: RunResult, sent: RunResult, options: SendOptions, io: CliIo, mask: SecretMask): void {
  if (options.json) io.out(JSON.stringify(resultJson(result, mask)));
  else if (options.quiet) printQuietResult(result, io, mask);
  else {
    if (result !== sent) io.out(io.style('dim', `# sent first for a # @ref (${requestLabel(sent.request)} needs it)`));
    printResult(result, io, mask);
    printTests(result.tests, result.logs, io);
  }
}

/** The chosen requests without an error in their block (or the prologue); each refused one is named with file:line. */
function refuseErrored(file: HttpFile, chosen: RequestBlock[], shown: string, io: CliIo): RequestBlock[] {
  const errors = requestErrors(file, chosen);
  for (const [request, error] of errors) {
    io.err(io.style('red', `${shown}:${request.requestLine + 1}: not sent: ${requestLabel(request)} has an error on line ${error.line + 1}`));
  }
  return chosen.filter((request) => !errors.has(request));
}

/**
 * 0 when the result has a response and its tests passed, 4 when a test failed (or a failed pre-request script
 * kept the request from going out); 2 when the request's input was at fault (nothing sent); 1 otherwise.
 */
export function exitCodeOf(result: RunResult): number {
  if (result.exchange?.response && !result.error) return result.tests.every((t) => t.passed) ? EXIT.ok : EXIT.testFailed;
  const error = result.error ?? result.exchange?.error;
  if (error?.code === 'SCRIPT') return EXIT.testFailed;
  if (error?.isInputError) return EXIT.input;
  return result.exchange?.response ? EXIT.ok : EXIT.noResponse;
}

/** Reads and parses a `.http` file; PARSE naming the file when it cannot be read. */
export async function readHttpFile(filePath: string, shown: string): Promise<HttpFile> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new HttpSessionError('PARSE', `cannot read ${shown}: ${reason}`);
  }
  return parseHttpFile(text);
}

/** Prints diagnostics as `file:line:col: message` (1-based); true when one of them is an error. */
export function reportDiagnostics(file: HttpFile, shown: string, io: CliIo): boolean {
  let failed = false;
  for (const d of file.diagnostics) {
    const where = `${shown}:${d.line + 1}:${d.column + 1}`;
    if (d.severity === 'error') failed = true;
    io.err(io.style(d.severity === 'error' ? 'red' : d.severity === 'warning' ? 'yellow' : 'dim', `${where}: ${d.severity}: ${d.message}`));
  }
  return failed;
}

/**
 * The values of `--env`, from the environment files nearest the `.http` file up to the repository root
 * holding it, or up to the current directory (environmentDir). A broken environment file is fatal when an environment is
 * chosen, a warning otherwise. An unknown environment throws ENVIRONMENT listing the known ones.
 */
export async function environmentFor(filePath: string, options: Pick<SendOptions, 'env'>, io: CliIo): Promise<Record<string, string>> {
  const fileDir = dirname(filePath);
  const environments = await loadEnvironments(await environmentDir(fileDir, await environmentRootForCli(fileDir, process.cwd())));
  for (const error of environments.errors) {
    if (options.env !== undefined) throw error;
    io.err(io.style('yellow', `warning: ${error.describe()}`));
  }
  return environments.resolve(options.env);
}

/** Engine settings from `--timeout`, `--retries`, `--insecure` and the transport flags (`--http2`, `--cert`, `--key`, `--cacert`). */
export function engineSettings(options: Pick<SendOptions, 'timeoutMs' | 'retries' | 'insecure'> & { transport?: SendOptions['transport'] }): EngineSettings {
  return {
    ...DEFAULT_ENGINE_SETTINGS,
    ...options.transport,
    timeoutMs: options.timeoutMs ?? DEFAULT_ENGINE_SETTINGS.timeoutMs,
    retries: options.retries ?? DEFAULT_ENGINE_SETTINGS.retries,
    rejectUnauthorized: !options.insecure,
  };
}
