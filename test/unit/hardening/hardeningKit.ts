import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import { runRequest } from '../../../src/core/runner/runRequest';
import { DEFAULT_ENGINE_SETTINGS } from '../../../src/core/runner/types';
import type { EngineSettings, RunContext, RunResult } from '../../../src/core/runner/types';
import { SessionStore } from '../../../src/core/session/sessionStore';
import { hasStackTrace, runCli, type CliRun } from '../cli/cliProcess';

/** A fresh temp folder under the OS temp dir (the caller removes it). */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `hardening-${prefix}-`));
}

/** Writes `text` as `dir/name` and returns its path. */
export function writeHttp(dir: string, text: string, name = 'requests.http'): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A run context for `text` saved as `dir/requests.http`; parse errors are allowed (runRequest still runs blocks). */
export function contextIn(dir: string, text: string, extra: Partial<RunContext> = {}, settings: Partial<EngineSettings> = {}): RunContext {
  const filePath = writeHttp(dir, text);
  return {
    filePath,
    file: parseHttpFile(text),
    sessions: new SessionStore(),
    environment: {},
    settings: { ...DEFAULT_ENGINE_SETTINGS, timeoutMs: 5_000, ...settings },
    ...extra,
  };
}

/** Runs request `index` of the context's file. */
export function runAt(ctx: RunContext, index = 0): Promise<RunResult> {
  const block = ctx.file.requests[index];
  if (!block) throw new Error(`no request ${index} in ${ctx.filePath}`);
  return runRequest(ctx, block);
}

/** The one `error:` line of a CLI run; asserts there is exactly one and no stack trace anywhere. */
export function oneErrorLine(run: CliRun): string {
  const lines = run.stderr.split('\n').filter((line) => line.startsWith('error:'));
  assert.equal(lines.length, 1, `expected one error line, got:\n${run.stderr}`);
  assert.ok(!hasStackTrace(run.stderr + run.stdout), `stack trace in output:\n${run.stderr}`);
  return lines[0];
}

/** `http-session send FILE ...args` for `text` saved in `dir`. */
export function cliSend(dir: string, text: string, args: string[] = [], name = 'requests.http'): Promise<CliRun> {
  return runCli(['send', writeHttp(dir, text, name), ...args], { cwd: dir, timeoutMs: 20_000 });
}
