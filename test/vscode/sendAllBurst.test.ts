// Send All as one burst: whoever follows the sessions (the tree, the session file, diagnostics) updates once per
// run, and the response view never has more than one state on its way, keeps a shown response VIEW_PACE_MS
// before replacing it, and ends on the last response.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunResult } from '../../src/core/runner/types';
import type { HttpSessionApi } from '../../src/extension';
import { VIEW_PACE_MS } from '../../src/vscode/response/responsePanel';
import { TREE_REFRESH_DELAY_MS } from '../../src/vscode/tree/sessionTreeProvider';
import { startServer } from '../support/startServer';
import type { TestServer } from '../support/startServer';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

const REQUESTS = 12;
/** Longer than the tree's and the save's quiet time, so a per-response update would show as a second one. */
const SLOW_MS = TREE_REFRESH_DELAY_MS + 200;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('Send All is one burst for the sessions tree, the session file and the response view', () => {
  let server: TestServer;
  let api: HttpSessionApi;

  before(async () => {
    server = await startServer(async (req, res) => {
      // Two responses come after a pause longer than the quiet time of the tree and of the save.
      if (req.url === '/items/4' || req.url === '/items/8') await sleep(SLOW_MS);
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Set-Cookie', `seen${req.url?.split('/').pop()}=1; Path=/`);
      res.end(JSON.stringify({ url: req.url }));
    });
    api = (await activeExtension()).exports as HttpSessionApi;
    await api.sessions.clear();
    await sleep(TREE_REFRESH_DELAY_MS * 2); // the clear's own refresh and save are over
  });
  after(async () => {
    await api.sessions.clear();
    await server?.close();
  });

  const burstFile = (name: string): vscode.Uri => writeWorkspaceFile(name,
    Array.from({ length: REQUESTS }, (_, i) => `### r${i}\nGET ${server.url}/items/${i}\n`).join('\n'));

  it('a Send All whose responses each set a cookie, some after a pause, refreshes the tree once and writes the session file once', async () => {
    const uri = burstFile('burstCounts.http');
    let treeUpdates = 0;
    let saves = 0;
    const listeners = [api.sessionTree.onDidChangeTreeData(() => { treeUpdates += 1; }), api.onDidSaveSession(() => { saves += 1; })];
    try {
      const results = await vscode.commands.executeCommand<RunResult[]>('httpSession.sendAll', uri);
      assert.equal(results.length, REQUESTS);
      assert.equal(api.sessions.get('default').listCookies().length, REQUESTS, 'every cookie is in the session');
      await sleep(TREE_REFRESH_DELAY_MS * 3);
      assert.equal(treeUpdates, 1, 'one tree refresh for the whole run');
      assert.equal(saves, 1, 'one session file write for the whole run');
    } finally {
      for (const listener of listeners) listener.dispose();
    }
  });

  it('a burst of cookies leaves the open files\' diagnostics alone; a new global name of the session checks them again', async () => {
    const burst = burstFile('burstCookies.http');
    const uri = writeWorkspaceFile('burstDiagnostics.http', `GET ${server.url}/items/0?t={{itBurstToken}}\n`);
    await vscode.workspace.openTextDocument(uri);
    const unknown = (): boolean => vscode.languages.getDiagnostics(uri).some((d) => d.message.includes('itBurstToken'));
    for (const end = Date.now() + 5_000; Date.now() < end && !unknown(); await sleep(50));
    assert.ok(unknown(), 'the unknown variable is reported');
    await sleep(2_500); // the two new files are in the workspace's index (its rescans re-check every open file)
    let changes = 0;
    const listener = vscode.languages.onDidChangeDiagnostics((e) => { if (e.uris.some((u) => u.toString() === uri.toString())) changes += 1; });
    try {
      await vscode.commands.executeCommand<RunResult[]>('httpSession.sendAll', burst);
      await sleep(500);
      assert.equal(changes, 0, 'cookies do not change what a file may reference');
      api.sessions.get('default').setGlobal('itBurstToken', 'x');
      for (const end = Date.now() + 5_000; Date.now() < end && unknown(); await sleep(50));
      assert.ok(!unknown(), 'the session\'s new global is known now');
    } finally {
      listener.dispose();
      api.sessions.get('default').deleteGlobal('itBurstToken');
    }
  });

  it('the response view has at most one state on its way during Send All and ends on the last response', async () => {
    // Open the panel first (a single send), then watch what is posted to its page during the burst.
    const uri = burstFile('burstView.http');
    await vscode.commands.executeCommand('httpSession.sendRequest', uri, 1);
    const webview = api.responseView.panel.webviewPanel?.webview;
    assert.ok(webview, 'the response panel is open');
    const post = webview.postMessage.bind(webview);
    let inFlight = 0;
    let mostInFlight = 0;
    const posted: Array<{ type: string; label?: string; model?: { label: string } }> = [];
    const postedAt: number[] = [];
    webview.postMessage = async (message: never): Promise<boolean> => {
      posted.push(message);
      postedAt.push(performance.now());
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        return await post(message);
      } finally {
        inFlight -= 1;
      }
    };
    try {
      await vscode.commands.executeCommand<RunResult[]>('httpSession.sendAll', uri);
      await sleep(500);
      assert.equal(mostInFlight, 1, 'never more than one state on its way to the page');
      const last = posted.at(-1);
      assert.equal(last?.type, 'response');
      assert.equal(last?.model?.label, `r${REQUESTS - 1}`, 'the last state posted is the last response');
      assert.ok(posted.length <= 2 * REQUESTS, `at most one Sending and one response state per request (${posted.length} posts)`);
      for (let i = 1; i < posted.length; i++) {
        if (posted[i - 1].type === 'sending') continue;
        const shownFor = postedAt[i] - postedAt[i - 1];
        assert.ok(shownFor >= VIEW_PACE_MS - 1, `a shown response stays ${VIEW_PACE_MS} ms before the next state replaces it (post ${i}: ${shownFor.toFixed(0)} ms)`);
      }
    } finally {
      delete (webview as { postMessage?: unknown }).postMessage;
    }
  });
});
