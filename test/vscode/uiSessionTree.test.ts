import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunResult } from '../../src/core/runner/types';
import type { HttpSessionApi } from '../../src/extension';
import type { SessionTreeNode } from '../../src/vscode/tree/sessionTreeNode';
import { startDigestServer } from '../support/startDigestServer';
import { startServer } from '../support/startServer';
import type { TestServer } from '../support/startServer';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

function cookieHeader(server: TestServer): string | undefined {
  return server.requests.at(-1)?.headers.find(([n]) => n.toLowerCase() === 'cookie')?.[1];
}

describe('session tree (UI)', () => {
  let server: TestServer;
  let api: HttpSessionApi;
  let port: string;

  const send = async (name: string, text: string): Promise<RunResult | undefined> => {
    const uri = writeWorkspaceFile(name, text);
    const line = text.split('\n').findIndex((l) => /^(GET|POST) /.test(l));
    const result = await vscode.commands.executeCommand<RunResult>('httpSession.sendRequest', uri, line);
    assert.ok(result?.exchange?.response, result?.error?.describe());
    return result;
  };
  const children = async (node?: SessionTreeNode): Promise<SessionTreeNode[]> => api.sessionTree.getChildren(node) ?? [];
  const labels = async (node?: SessionTreeNode): Promise<string[]> =>
    (await children(node)).map((n) => String(api.sessionTree.getTreeItem(n).label));
  const find = async (path: string[]): Promise<SessionTreeNode> => {
    let nodes = await children();
    let found: SessionTreeNode | undefined;
    for (const part of path) {
      found = nodes.find((n) => String(api.sessionTree.getTreeItem(n).label) === part);
      assert.ok(found, `no tree node ${path.join(' → ')} (stopped at ${part})`);
      nodes = await children(found);
    }
    return found!;
  };

  before(async () => {
    server = await startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/login') res.setHeader('Set-Cookie', [`sessionid=${url.searchParams.get('user') ?? 'u1'}; Path=/; HttpOnly`, 'theme=dark; Path=/; Max-Age=3600']);
      if (url.pathname === '/other') res.setHeader('Set-Cookie', 'lang=en; Path=/');
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ ok: true }));
    });
    port = new URL(server.url).port;
    api = (await activeExtension()).exports as HttpSessionApi;
  });
  beforeEach(async () => { await api.sessions.clear(); });
  after(async () => { await api.sessions.clear(); await server?.close(); });

  it('is empty (welcome text) while no session holds anything', async () => {
    assert.deepEqual(await children(), []);
  });

  it('shows cookies grouped by domain and the session defaults after sends', async () => {
    await send('tree1.http', `# @session-header X-Team: blue\nGET http://127.0.0.1:${port}/login\n`);
    await send('tree2.http', `GET http://localhost:${port}/other\n`);
    assert.deepEqual(await labels(), ['default']);
    const root = (await children())[0];
    assert.equal(api.sessionTree.getTreeItem(root).description, '3 cookies · 2 domains · 1 header');
    assert.deepEqual(await labels(await find(['default', 'Cookies'])), ['127.0.0.1', 'localhost']);
    assert.deepEqual(await labels(await find(['default', 'Cookies', '127.0.0.1'])), ['sessionid', 'theme']);
    const sessionid = api.sessionTree.getTreeItem(await find(['default', 'Cookies', '127.0.0.1', 'sessionid']));
    assert.equal(sessionid.description, 'u1 · session');
    assert.match(String(sessionid.tooltip), /HttpOnly: yes/);
    assert.match(String(sessionid.tooltip), /host-only/);
    assert.match(String(api.sessionTree.getTreeItem(await find(['default', 'Cookies', '127.0.0.1', 'theme'])).description), /^dark · expires \d{4}-/);
    assert.deepEqual(await labels(await find(['default', 'Default Headers'])), ['X-Team: blue']);
  });

  it('shows Default Parameters and Digest auth state once the session holds them (no nonce, no password)', async () => {
    const digest = await startDigestServer({ username: 'mufasa', password: 'circle of life' });
    try {
      await send('auth.http', `# @session-param api-version 2024-01\n# @session-auth digest mufasa circle of life\n###\nGET ${digest.url}/a\n`);
      assert.deepEqual(await labels(await find(['default'])), ['Cookies', 'Default Headers', 'Default Parameters', 'Auth']);
      assert.deepEqual(await labels(await find(['default', 'Default Parameters'])), ['api-version = 2024-01']);
      assert.deepEqual(await labels(await find(['default', 'Default Headers'])), ['Authorization: Digest ••••••']);
      assert.deepEqual(await labels(await find(['default', 'Auth'])), ['Digest · mufasa', `Digest · ${digest.origin}`]);
      const sessionAuth = api.sessionTree.getTreeItem(await find(['default', 'Auth', 'Digest · mufasa']));
      assert.equal(sessionAuth.description, 'password ••••••');
      assert.ok(!String(sessionAuth.tooltip).includes('circle'), 'the password is never shown');
      const item = api.sessionTree.getTreeItem(await find(['default', 'Auth', `Digest · ${digest.origin}`]));
      assert.equal(item.description, 'mufasa · MD5 · realm "test@127.0.0.1"');
    } finally {
      await digest.close();
    }
  });

  it('masks Authorization values in the label', async () => {
    api.sessions.get('default').setDefaultHeader('Authorization', 'Bearer s3cr3t-token');
    assert.deepEqual(await labels(await find(['default', 'Default Headers'])), ['Authorization: Bearer ••••••']);
  });

  it('shows the session auth kind under Auth: Bearer with the token masked to its last 4, Basic with the user and no password', async () => {
    api.sessions.get('default').setDefaultHeader('Authorization', 'Bearer s3cr3t-token');
    assert.deepEqual(await labels(await find(['default', 'Auth'])), ['Bearer']);
    assert.equal(api.sessionTree.getTreeItem(await find(['default', 'Auth', 'Bearer'])).description, 'token ••••••oken');
    await send('basic.http', `@pw = open sesame\n# @session-auth basic alice {{pw}}\n###\nGET http://127.0.0.1:${port}/me\n`);
    assert.deepEqual(await labels(await find(['default', 'Auth'])), ['Basic · alice']);
    const basic = api.sessionTree.getTreeItem(await find(['default', 'Auth', 'Basic · alice']));
    assert.equal(basic.description, 'password ••••••');
    assert.ok(!JSON.stringify(basic).includes('sesame'), 'the password is never shown');
  });

  it('edits and deletes cookies and headers through the commands, and the next request sees it', async () => {
    await send('edit.http', `# @session-header X-Team: blue\nGET http://127.0.0.1:${port}/login\n`);
    await vscode.commands.executeCommand('httpSession.editValue', await find(['default', 'Cookies', '127.0.0.1', 'sessionid']), 'edited');
    await send('edit2.http', `GET http://127.0.0.1:${port}/me\n`);
    assert.equal(cookieHeader(server), 'sessionid=edited; theme=dark');
    await vscode.commands.executeCommand('httpSession.deleteCookie', await find(['default', 'Cookies', '127.0.0.1', 'theme']));
    assert.deepEqual(await labels(await find(['default', 'Cookies', '127.0.0.1'])), ['sessionid']);
    await vscode.commands.executeCommand('httpSession.editValue', await find(['default', 'Default Headers', 'X-Team: blue']), 'red');
    assert.deepEqual(await labels(await find(['default', 'Default Headers'])), ['X-Team: red']);
    await vscode.commands.executeCommand('httpSession.deleteDefaultHeader', await find(['default', 'Default Headers', 'X-Team: red']));
    await vscode.commands.executeCommand('httpSession.deleteDomain', await find(['default', 'Cookies', '127.0.0.1']));
    assert.deepEqual(await children(), [], 'nothing left: the welcome text shows again');
  });

  it('adds a cookie and a default header that the next request carries', async () => {
    await vscode.commands.executeCommand('httpSession.addCookie', undefined, '127.0.0.1', 'added', 'yes');
    await vscode.commands.executeCommand('httpSession.addDefaultHeader', undefined, 'X-Added', 'on');
    assert.deepEqual(await labels(await find(['default', 'Cookies', '127.0.0.1'])), ['added']);
    await send('add.http', `GET http://127.0.0.1:${port}/me\n`);
    assert.equal(cookieHeader(server), 'added=yes');
    assert.equal(server.requests.at(-1)?.headers.find(([n]) => n.toLowerCase() === 'x-added')?.[1], 'on');
  });

  it('Clear Session on a session item empties the tree and the jar; the next request starts logged out', async () => {
    await send('clear.http', `GET http://127.0.0.1:${port}/login\n`);
    await vscode.commands.executeCommand('httpSession.clearSession', await find(['default']));
    assert.deepEqual(await children(), []);
    assert.deepEqual(api.sessions.get('default').listCookies(), []);
    await send('clear2.http', `GET http://127.0.0.1:${port}/me\n`);
    assert.equal(cookieHeader(server), undefined);
  });

  it('named sessions keep separate jars and show as separate sessions', async () => {
    await send('alice.http', `# @session alice\nGET http://127.0.0.1:${port}/login?user=alice\n`);
    await send('bob.http', `# @session bob\nGET http://127.0.0.1:${port}/login?user=bob\n`);
    const names = await labels();
    assert.ok(names.includes('alice') && names.includes('bob'), names.join(','));
    assert.equal(api.sessionTree.getTreeItem(await find(['alice', 'Cookies', '127.0.0.1', 'sessionid'])).description, 'alice · session');
    assert.equal(api.sessionTree.getTreeItem(await find(['bob', 'Cookies', '127.0.0.1', 'sessionid'])).description, 'bob · session');
    await send('alice2.http', `# @session alice\nGET http://127.0.0.1:${port}/me\n`);
    assert.equal(cookieHeader(server), 'sessionid=alice; theme=dark');
    await vscode.commands.executeCommand('httpSession.clearSession', await find(['bob']));
    assert.deepEqual(api.sessions.get('bob').listCookies(), []);
    assert.equal(api.sessions.get('alice').listCookies().length, 2, 'clearing bob leaves alice logged in');
  });

  it('shows the response in one panel beside, titled with status and request name', async () => {
    await send('panel.http', `# @name login\nGET http://127.0.0.1:${port}/login\n`);
    await send('panel2.http', `GET http://127.0.0.1:${port}/me\n`);
    const webviewTabs = (): string[] => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview).map((t) => t.label);
    // The tab model reaches the extension host a moment after the panel's title changes.
    for (let i = 0; i < 40 && webviewTabs().join() !== '200 GET /me'; i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(webviewTabs(), ['200 GET /me'], 'one panel, reused in place');
  });
});
