import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunResult } from '../../src/core/runner/types';
import type { HttpSessionApi } from '../../src/extension';
import { startServer } from '../support/startServer';
import type { TestServer } from '../support/startServer';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

/** Resolves once `check` holds, polling every 10 ms; fails after `ms`. */
async function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  for (const end = Date.now() + ms; !check(); await new Promise((r) => setTimeout(r, 10))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
  }
}

describe('request controller: Rerun, Cancel and quiet sends', () => {
  let server: TestServer;
  let api: HttpSessionApi;
  /** Responses to /hang, held open until the test ends them (or the client aborts). */
  const hanging: ServerResponse[] = [];
  const urls = (): string[] => server.requests.map((r) => r.url ?? '');

  before(async () => {
    server = await startServer((req, res) => {
      if (req.url?.startsWith('/hang')) {
        hanging.push(res);
        return;
      }
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ url: req.url }));
    });
    api = (await activeExtension()).exports as HttpSessionApi;
  });
  after(async () => {
    for (const res of hanging) res.destroy();
    await vscode.commands.executeCommand('httpSession.selectEnvironment', null);
    fs.rmSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'rerun', 'http-client.env.json'), { force: true });
    await server?.close();
  });

  it('Rerun sends the request as it reads now: an edit made since the last send counts', async () => {
    const uri = writeWorkspaceFile('rerun/edited.http', `GET ${server.url}/before\n`);
    const document = await vscode.workspace.openTextDocument(uri);
    const first = await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, 0);
    assert.equal(first?.exchange?.response?.status, 200, first?.error?.describe());
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, document.lineAt(0).range, `GET ${server.url}/after\nX-Edited: yes`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const rerun = await vscode.commands.executeCommand<RunResult>('httpSession.rerunLastRequest');
    assert.equal(rerun?.exchange?.response?.status, 200, rerun?.error?.describe());
    assert.deepEqual(urls().slice(-2), ['/before', '/after']);
    assert.equal(server.requests.at(-1)?.headers.find(([n]) => n.toLowerCase() === 'x-edited')?.[1], 'yes', 'the unsaved edit was sent');
    await document.save();
  });

  it('Rerun uses the environment chosen now, not the one of the first send', async () => {
    writeWorkspaceFile('rerun/http-client.env.json', JSON.stringify({ one: { which: 'one' }, two: { which: 'two' } }));
    const uri = writeWorkspaceFile('rerun/env.http', `GET ${server.url}/env?which={{which}}\n`);
    await vscode.commands.executeCommand('httpSession.selectEnvironment', 'one');
    await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, 0);
    await vscode.commands.executeCommand('httpSession.selectEnvironment', 'two');
    await vscode.commands.executeCommand<RunResult>('httpSession.rerunLastRequest');
    assert.deepEqual(urls().slice(-2), ['/env?which=one', '/env?which=two']);
  });

  it('Cancel aborts the request in flight: it settles as CANCELLED at once and the status bar activity ends', async () => {
    const uri = writeWorkspaceFile('rerun/hang.http', `GET ${server.url}/hang\n`);
    const started = hanging.length;
    const sending = vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, 0);
    await until(() => hanging.length > started, 'the request to reach the server');
    assert.deepEqual(api.requests.activity.labels, [`GET ${server.url}/hang`]);
    const cancelledAt = Date.now();
    await vscode.commands.executeCommand('httpSession.cancelRequest');
    const result = await sending;
    assert.ok(Date.now() - cancelledAt < 2_000, 'settled promptly');
    assert.equal(result?.error?.code, 'CANCELLED', result?.error?.describe());
    assert.equal(result?.exchange?.response, undefined);
    assert.deepEqual(api.requests.activity.labels, []);
  });

  it('Cancel with nothing in flight does nothing', async () => {
    assert.equal(await vscode.commands.executeCommand('httpSession.cancelRequest'), 0);
  });

  it('a quiet send returns its result without touching the response view, and Rerun still sends the last shown request', async () => {
    const shown = writeWorkspaceFile('rerun/shown.http', `GET ${server.url}/shown\n`);
    const quiet = writeWorkspaceFile('rerun/quiet.http', `GET ${server.url}/quiet\n`);
    await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', shown, 0);
    const panel = api.responseView.panel.webviewPanel;
    assert.ok(panel, 'the shown send opened the response view');
    // The tab title follows the state delivered to the page, a moment after the command resolves.
    await until(() => panel.title === '200 GET /shown', 'the view to show the response (a shown response is kept a moment before the next replaces it)');
    const title = panel.title;
    const result = await api.requests.send(api.requestAt(quiet, 0), { quiet: true });
    assert.equal(result?.exchange?.response?.status, 200, result?.error?.describe());
    assert.equal(urls().at(-1), '/quiet');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(panel.title, title, 'the view still shows the shown request');
    await vscode.commands.executeCommand<RunResult>('httpSession.rerunLastRequest');
    assert.equal(urls().at(-1), '/shown');
  });

  it('a quiet send is cancelled by its caller\'s own signal', async () => {
    const uri = writeWorkspaceFile('rerun/hangQuiet.http', `GET ${server.url}/hang-quiet\n`);
    const caller = new AbortController();
    const started = hanging.length;
    const sending = api.requests.send(api.requestAt(uri, 0), { quiet: true, signal: caller.signal });
    await until(() => hanging.length > started, 'the request to reach the server');
    caller.abort();
    assert.equal((await sending)?.error?.code, 'CANCELLED');
  });
});
