import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunResult } from '../../src/core/runner/types';
import type { HttpSessionApi } from '../../src/extension';
import { startServer } from '../support/startServer';
import type { TestServer } from '../support/startServer';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

const JSON_BODY = { customers: [{ id: 1, name: 'Ada' }], total: 1 };
// Every byte value, so a save that decodes or re-encodes anything changes the file.
const BINARY_BODY = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 256));

// What JSON.parse + JSON.stringify would change: digits past 2^53, `1.0`, a repeated key.
const EXACT_JSON = '{"id":12345678901234567890,"price":1.0,"tag":"a","tag":"b"}';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (check()) return;
  assert.fail(`timed out waiting for ${what}`);
}

describe('response view (UI): toolbar actions, view column, CSP, Clear Session picker', () => {
  let server: TestServer;
  let api: HttpSessionApi;

  const send = async (name: string, text: string): Promise<RunResult> => {
    const uri = writeWorkspaceFile(name, text);
    const line = text.split('\n').findIndex((l) => /^(GET|POST) /.test(l));
    const result = await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, line);
    assert.ok(result?.exchange?.response, result?.error?.describe());
    return result;
  };
  const panel = (): HttpSessionApi['responseView']['panel'] => api.responseView.panel;
  const nonceOf = (html: string): string => /script-src 'nonce-([^']+)'/.exec(html)?.[1] ?? '';

  before(async () => {
    server = await startServer((req, res) => {
      if (req.url === '/bytes') {
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(BINARY_BODY);
        return;
      }
      if (req.url === '/exact') {
        res.setHeader('Content-Type', 'application/json');
        res.end(EXACT_JSON);
        return;
      }
      if (req.url?.startsWith('/login')) res.setHeader('Set-Cookie', 'sid=x; Path=/');
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(JSON_BODY));
    });
    api = (await activeExtension()).exports as HttpSessionApi;
  });
  after(async () => {
    await vscode.workspace.getConfiguration('httpSession').update('response.viewColumn', undefined, vscode.ConfigurationTarget.Global);
    await api.sessions.clear();
    await server?.close();
  });

  it('Copy Body puts the body text on the clipboard', async () => {
    await vscode.env.clipboard.writeText('before');
    await send('ui-copy.http', `GET ${server.url}/customers\n`);
    await panel().runAction('copyBody');
    assert.deepEqual(JSON.parse(await vscode.env.clipboard.readText()), JSON_BODY);
  });

  it('Open in Editor opens the JSON body in a json editor, pretty-printed', async () => {
    await send('ui-open.http', `GET ${server.url}/customers\n`);
    await panel().runAction('openInEditor');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.languageId, 'json');
    assert.equal(editor?.document.getText(), JSON.stringify(JSON_BODY, null, 2));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Open in Editor keeps the server\'s exact JSON text: big integers, 1.0 and repeated keys', async () => {
    await send('ui-open-exact.http', `GET ${server.url}/exact\n`);
    await panel().runAction('openInEditor');
    assert.equal(vscode.window.activeTextEditor?.document.getText(), '{\n  "id": 12345678901234567890,\n  "price": 1.0,\n  "tag": "a",\n  "tag": "b"\n}');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Copy as cURL puts a curl command with the URL and the headers as sent on the clipboard', async () => {
    await send('ui-curl.http', `POST ${server.url}/customers?q=a b\nX-Trace: 42\nContent-Type: application/json\n\n{"name":"Ada"}\n`);
    await panel().runAction('copyCurl');
    const curl = await vscode.env.clipboard.readText();
    assert.match(curl, /^curl -X POST /);
    assert.ok(curl.includes(`${server.url}/customers?q=a%20b`), curl);
    assert.ok(curl.includes(`-H 'X-Trace: 42'`), curl);
    assert.ok(curl.includes(`--data-binary '{"name":"Ada"}'`), curl);
  });

  it('Save Body writes the exact bytes of a binary body where the save dialog points', async () => {
    await send('ui-save.http', `GET ${server.url}/bytes\n`);
    const target = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'saved', 'body.bin');
    fs.mkdirSync(path.dirname(target.fsPath), { recursive: true });
    await panel().runAction('saveBody', target);
    assert.deepEqual(fs.readFileSync(target.fsPath), BINARY_BODY);
  });

  it('every page of the view gets a fresh nonce, and its CSP allows no inline or eval script', async () => {
    await send('ui-nonce1.http', `GET ${server.url}/customers\n`);
    const reused = panel().webviewPanel!;
    const first = reused.webview.html;
    await send('ui-nonce2.http', `GET ${server.url}/customers\n`);
    assert.equal(panel().webviewPanel, reused, 'the same panel, reused in place');
    assert.equal(reused.webview.html, first, 'the next response updates the page in place, by message');
    reused.dispose();
    await send('ui-nonce3.http', `GET ${server.url}/customers\n`);
    const second = panel().webviewPanel!.webview.html;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(second)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const scriptSrc = csp.split(';').map((d) => d.trim()).filter((d) => d.startsWith('script-src'));
    assert.deepEqual(scriptSrc, [`script-src 'nonce-${nonceOf(second)}'`], 'scripts only with the nonce: no host, no wildcard');
    assert.match(nonceOf(second), /^[A-Za-z0-9+/=]{24}$/, '18 random bytes in base64');
    assert.ok(nonceOf(first) && nonceOf(second), 'both pages carry a nonce');
    assert.notEqual(nonceOf(first), nonceOf(second), 'a new page, a new nonce');
    const scripts = second.match(/<script[^>]*>[^<]*<\/script>/g) ?? [];
    assert.equal(scripts.length, 1, 'one script');
    assert.match(scripts[0], new RegExp(`^<script nonce="${nonceOf(second).replace(/[+/=]/g, '\\$&')}" src="[^"]+"></script>$`), 'the bundled file, under the nonce; no inline script');
    assert.ok(!second.includes('customers') && !second.includes('Ada'), 'the page carries no response data (it comes by message)');
  });

  it('httpSession.response.viewColumn "active" opens the panel in the editor\'s own group; a number opens that group', async () => {
    const config = vscode.workspace.getConfiguration('httpSession');
    const webviewColumn = (): vscode.ViewColumn | undefined => panel().webviewPanel?.viewColumn;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config.update('response.viewColumn', 'active', vscode.ConfigurationTarget.Global);
    const uri = writeWorkspaceFile('ui-column.http', `GET ${server.url}/customers\n`);
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('httpSession.sendRequest', uri, 0);
    await until(() => webviewColumn() === vscode.ViewColumn.One, 'the panel in column 1');
    panel().webviewPanel!.dispose();
    await config.update('response.viewColumn', 3, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('httpSession.sendRequest', uri, 0);
    await until(() => webviewColumn() === vscode.ViewColumn.Three, 'the panel in column 3');
    panel().webviewPanel!.dispose();
    await config.update('response.viewColumn', undefined, vscode.ConfigurationTarget.Global);
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('httpSession.sendRequest', uri, 0);
    await until(() => (webviewColumn() ?? 0) > vscode.ViewColumn.One, 'the panel beside column 1');
  });

  it('Clear Session with several sessions: the argument picks one session or all ("*")', async () => {
    for (const name of ['alice', 'bob', 'carol']) await send(`ui-picker-${name}.http`, `# @session ${name}\nGET ${server.url}/login?${name}\n`);
    await vscode.commands.executeCommand('httpSession.clearSession', undefined, 'bob');
    assert.equal(api.sessions.get('bob').listCookies().length, 0);
    assert.equal(api.sessions.get('alice').listCookies().length, 1, 'alice still logged in');
    await vscode.commands.executeCommand('httpSession.clearSession', undefined, '*');
    for (const name of ['alice', 'carol']) assert.equal(api.sessions.get(name).listCookies().length, 0, name);
  });

  it('Clear Session with several sessions asks in a QuickPick: "All Sessions" first, then each name', async () => {
    for (const name of ['alice', 'bob']) await send(`ui-picker-${name}.http`, `# @session ${name}\nGET ${server.url}/login?${name}\n`);
    const downs = api.sessions.names().indexOf('bob') + 1; // "All Sessions" is the first row
    assert.ok(downs > 1, api.sessions.names().join(','));
    const clearing = vscode.commands.executeCommand('httpSession.clearSession');
    await sleep(500); // the QuickPick opens in the workbench; the commands below drive it as the keyboard does
    for (let i = 0; i < downs; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await clearing;
    assert.equal(api.sessions.get('bob').listCookies().length, 0, 'bob cleared');
    assert.equal(api.sessions.get('alice').listCookies().length, 1, 'alice kept');
  });
});
