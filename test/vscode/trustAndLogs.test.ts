import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunResult } from '../../src/core/runner/types';
import type { HttpSessionApi } from '../../src/extension';
import { DEFAULT_SCRIPT_LIMITS } from '../../src/core/scripts/types';
import { REDACTED } from '../../src/core/variables/redactSecrets';
import { readEngineSettings, readScriptLimits } from '../../src/vscode/config';
import { startServer } from '../support/startServer';
import type { TestServer } from '../support/startServer';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

const SECRETS = ['bearer-s3cr3t-token', 'proxy-s3cr3t', 'cookie-s3cr3t', 'setcookie-s3cr3t'];

/** The extension's log file: `<logs>/<session>/exthost*\/http-session.http-session/HTTP Session.log` of this run. */
function logFile(): string {
  // The launchers open `<runDir>/workspace` and keep VS Code's user data (and logs) in `<runDir>/user-data`.
  const logs = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '..', 'user-data', 'logs');
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 4) walk(full, depth + 1);
      else if (entry.name === 'HTTP Session.log' && full.includes('http-session.http-session')) found.push(full);
    }
  };
  walk(logs, 0);
  assert.ok(found.length > 0, `no "HTTP Session.log" under ${logs}`);
  return found.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

describe('trust and logs', () => {
  let server: TestServer;
  let api: HttpSessionApi;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('httpSession');

  before(async () => {
    server = await startServer((_req, res) => {
      res.setHeader('Set-Cookie', `token=${SECRETS[3]}; Path=/; HttpOnly`);
      res.setHeader('Content-Type', 'text/plain');
      res.end('ok');
    });
    api = (await activeExtension()).exports as HttpSessionApi;
  });
  after(async () => {
    await config().update('defaultHeaders', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('tls.rejectUnauthorized', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('scripts.timeout', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('scripts.memory', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'info');
    await api.sessions.clear();
    await server?.close();
  });

  it('a trusted workspace sends without a confirmation and honours its own restricted settings', async () => {
    assert.equal(vscode.workspace.isTrusted, true, 'the harness runs trusted');
    await config().update('defaultHeaders', { 'X-From-Workspace': 'yes' }, vscode.ConfigurationTarget.Workspace);
    const uri = writeWorkspaceFile('trust-trusted.http', `GET ${server.url}/trusted\n`);
    // A modal would block this command until answered; the test's timeout would catch it.
    const result = await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, 0);
    assert.equal(result?.exchange?.response?.status, 200, result?.error?.describe());
    assert.equal(server.requests.at(-1)?.headers.find(([n]) => n.toLowerCase() === 'x-from-workspace')?.[1], 'yes');
  });

  it('Restricted Mode reads TLS checks and default headers from user settings only, not the workspace', async () => {
    await config().update('defaultHeaders', { 'X-From-Workspace': 'yes' }, vscode.ConfigurationTarget.Workspace);
    await config().update('tls.rejectUnauthorized', false, vscode.ConfigurationTarget.Workspace);
    const scope = writeWorkspaceFile('trust-restricted.http', 'GET http://127.0.0.1/\n');
    const trusted = readEngineSettings(scope, true);
    assert.deepEqual(trusted.defaultHeaders, [['X-From-Workspace', 'yes']]);
    assert.equal(trusted.rejectUnauthorized, false);
    const restricted = readEngineSettings(scope, false);
    assert.deepEqual(restricted.defaultHeaders, []);
    assert.equal(restricted.rejectUnauthorized, true);
    await config().update('tls.rejectUnauthorized', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('defaultHeaders', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('Restricted Mode reads the script limits from user settings only: a workspace cannot raise them to hang a run', async () => {
    await config().update('scripts.timeout', 3_600_000, vscode.ConfigurationTarget.Workspace);
    await config().update('scripts.memory', 2048, vscode.ConfigurationTarget.Workspace);
    const scope = writeWorkspaceFile('trust-limits.http', 'GET http://127.0.0.1/\n');
    const trusted = readScriptLimits(scope, true).limits;
    assert.deepEqual([trusted.timeMs, trusted.memoryMb], [3_600_000, 2048]);
    const restricted = readScriptLimits(scope, false).limits;
    assert.deepEqual([restricted.timeMs, restricted.memoryMb], [DEFAULT_SCRIPT_LIMITS.timeMs, DEFAULT_SCRIPT_LIMITS.memoryMb], 'the defaults, not the workspace\'s values');
    await config().update('scripts.memory', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('scripts.timeout', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('the log at debug level shows the request and headers but never the Authorization, Proxy-Authorization, Cookie or Set-Cookie values', async () => {
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'debug');
    const uri = writeWorkspaceFile('trust-secrets.http', [
      `GET ${server.url}/secret-check`,
      `Authorization: Bearer ${SECRETS[0]}`,
      `Proxy-Authorization: Basic ${SECRETS[1]}`,
      `Cookie: manual=${SECRETS[2]}`,
      'X-Visible: shown-in-log',
      '',
    ].join('\n'));
    const first = await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, 0);
    assert.equal(first?.exchange?.response?.status, 200, first?.error?.describe());
    // The second send carries the Set-Cookie value back in a session Cookie header.
    await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, 0);
    const file = logFile();
    let text = '';
    for (let i = 0; i < 60 && !/x-visible: shown-in-log[\s\S]*x-visible: shown-in-log/i.test(text); i++) {
      await new Promise((r) => setTimeout(r, 100));
      text = fs.readFileSync(file, 'utf8');
    }
    assert.match(text, /GET http:\/\/127\.0\.0\.1:\d+\/secret-check/, 'the request line is logged');
    assert.match(text, /X-Visible: shown-in-log/i, 'headers are logged at debug level');
    assert.match(text, new RegExp(`Authorization: Bearer ${REDACTED}`, 'i'));
    assert.match(text, new RegExp(`Set-Cookie: token=${REDACTED}`, 'i'));
    for (const secret of SECRETS) assert.ok(!text.includes(secret), `${secret} appears in ${file}`);
  });
  it('# @no-log: the request stays out of the history, and the log names only its file, line and status', async () => {
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'debug');
    await vscode.commands.executeCommand('httpSession.clearHistory');
    const uri = writeWorkspaceFile('trust-nolog.http', [
      `GET ${server.url}/visible-logged`,
      '',
      '###',
      '# @no-log',
      `POST ${server.url}/nolog-path-MARK`,
      'X-Nolog: header-MARK',
      '',
      'body-MARK',
      '',
      '###',
      '# @no-log',
      'GET http://127.0.0.1:99999/bad-port-MARK',
      '',
    ].join('\n'));
    const logged = await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, 0);
    const hidden = await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, 4);
    assert.equal(logged?.exchange?.response?.status, 200, logged?.error?.describe());
    assert.equal(hidden?.exchange?.response?.status, 200, hidden?.error?.describe());
    assert.equal(server.requests.at(-1)?.url, '/nolog-path-MARK', 'the @no-log request was sent');
    const failed = await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, 11);
    assert.equal(failed?.error?.code, 'INVALID_URL', 'a failing @no-log request is not logged either');
    assert.deepEqual(api.workflow.history.entries.map((e) => e.url), [`${server.url}/visible-logged`]);
    const file = logFile();
    let text = '';
    for (let i = 0; i < 60 && !text.includes('# @no-log request at trust-nolog.http:12'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      text = fs.readFileSync(file, 'utf8');
    }
    assert.match(text, /# @no-log request at trust-nolog\.http:5 → 200 \(details not logged\)/);
    assert.match(text, /# @no-log request at trust-nolog\.http:12 → INVALID_URL \(details not logged\)/);
    assert.match(text, /visible-logged/, 'a request without @no-log is logged as usual');
    assert.ok(!text.includes('MARK'), `the @no-log request's URL, header or body appears in ${file}`);
  });
});
