import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HttpSessionApi } from '../../src/extension';
import { startServer, type TestServer } from '../support/startServer';
import { waitFor } from './languageTestSupport';
import { activeExtension, writeWorkspaceFile } from './workspaceFiles';

/** What the run reported, recorded on the way to VS Code's own TestRun (which still gets every call). */
interface Recorded {
  states: Map<string, 'passed' | 'failed' | 'errored' | 'skipped'>;
  messages: Map<string, vscode.TestMessage[]>;
  output: Array<{ text: string; location?: vscode.Location }>;
  ended: Promise<void>;
}

function recordRuns(controller: vscode.TestController): { next(): Recorded; restore(): void } {
  const original = controller.createTestRun.bind(controller);
  const queue: Recorded[] = [];
  controller.createTestRun = (request, name, persist) => {
    const run = original(request, name, persist);
    const rec = queue.shift();
    if (!rec) return run;
    let end!: () => void;
    rec.ended = new Promise((resolve) => { end = resolve; });
    const fail = (state: 'failed' | 'errored') => (item: vscode.TestItem, message: vscode.TestMessage | readonly vscode.TestMessage[], ms?: number): void => {
      rec.states.set(item.id, state);
      rec.messages.set(item.id, Array.isArray(message) ? [...message] : [message as vscode.TestMessage]);
      (state === 'failed' ? run.failed : run.errored).call(run, item, message, ms);
    };
    return Object.assign(Object.create(run) as vscode.TestRun, {
      passed: (item: vscode.TestItem, ms?: number) => { rec.states.set(item.id, 'passed'); run.passed(item, ms); },
      skipped: (item: vscode.TestItem) => { rec.states.set(item.id, 'skipped'); run.skipped(item); },
      failed: fail('failed'),
      errored: fail('errored'),
      appendOutput: (text: string, location?: vscode.Location, item?: vscode.TestItem) => { rec.output.push({ text, location }); run.appendOutput(text, location, item); },
      end: () => { run.end(); end(); },
    });
  };
  return {
    next() {
      const rec = { states: new Map(), messages: new Map(), output: [], ended: Promise.resolve() } as Recorded;
      queue.push(rec);
      return rec;
    },
    restore() { controller.createTestRun = original; },
  };
}

function childrenOf(item: vscode.TestItem | vscode.TestItemCollection): vscode.TestItem[] {
  const out: vscode.TestItem[] = [];
  ('children' in item ? item.children : item).forEach((c) => void out.push(c));
  return out;
}

const FILE = (base: string): string => [
  '### Log in',                                       // 0
  `POST ${base}/login`,                               // 1
  '',                                                 // 2
  '> {%',                                             // 3
  '  client.global.set("itToken", response.body.token);', // 4
  '  client.log("token is " + response.body.token);', // 5
  '  client.test("a token came back", function () {', // 6
  '    client.assert(response.body.token === "t-1", "no token");', // 7
  '  });',                                            // 8
  '%}',                                               // 9
  '?? status == 200',                                 // 10
  '',                                                 // 11
  '### Who am I',                                     // 12
  `GET ${base}/me`,                                   // 13
  'Authorization: Bearer {{itToken}}',                // 14
  '',                                                 // 15
  '?? status == 201',                                 // 16
  '?? body $.user == ann',                            // 17
  '> {%',                                             // 18
  '  client.test("user is bob", function () {',      // 19
  '    client.assert(response.body.user === "bob", "user was " + response.body.user);', // 20
  '  });',                                            // 21
  '%}',                                               // 22
].join('\n');

describe('Testing view: the HTTP Session test controller', () => {
  let server: TestServer;
  let api: HttpSessionApi;
  let recorder: ReturnType<typeof recordRuns>;
  let uri: vscode.Uri;
  let fileItem: vscode.TestItem;

  before(async () => {
    server = await startServer((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      if (req.url === '/login') res.end(JSON.stringify({ token: 't-1' }));
      else res.end(JSON.stringify({ user: req.headers.authorization === 'Bearer t-1' ? 'ann' : 'nobody' }));
    });
    api = (await activeExtension()).exports as HttpSessionApi;
    recorder = recordRuns(api.tests.controller);
    uri = writeWorkspaceFile('tests/login.http', FILE(server.url));
    await vscode.workspace.openTextDocument(uri);
    fileItem = await waitFor('the file item', () => api.tests.controller.items.get(uri.toString()), (i) => i !== undefined && i.children.size === 2) as vscode.TestItem;
  });
  after(async () => {
    recorder?.restore();
    await api?.sessions.clear();
    await server?.close();
  });

  it('lists the file\'s requests and their ?? lines and client.test names, each with its range (gutter run buttons)', () => {
    const [login, me] = childrenOf(fileItem);
    assert.deepEqual([login.label, me.label], ['Log in', 'Who am I']);
    assert.equal(login.range?.start.line, 1);
    assert.deepEqual(childrenOf(login).map((t) => [t.label, t.range?.start.line]), [['a token came back', 6], ['status == 200', 10]]);
    assert.deepEqual(childrenOf(me).map((t) => [t.label, t.range?.start.line]), [['status == 201', 16], ['body $.user == ann', 17], ['user is bob', 19]]);
  });

  it('finds .http files of the workspace that are not open, and follows edits', async () => {
    const closed = writeWorkspaceFile('tests/closed.http', `GET ${server.url}/me\n\n?? status == 200\n`);
    await api.tests.controller.refreshHandler!(new vscode.CancellationTokenSource().token);
    const item = api.tests.controller.items.get(closed.toString());
    assert.ok(item, 'closed.http is listed');
    assert.deepEqual(childrenOf(childrenOf(item)[0]).map((t) => t.label), ['status == 200']);
    const document = await vscode.workspace.openTextDocument(closed);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(closed, new vscode.Position(2, 16), '\n?? header content-type includes json');
    await vscode.workspace.applyEdit(edit);
    await waitFor('the new ?? line', () => childrenOf(childrenOf(api.tests.controller.items.get(closed.toString())!)[0]).length, (n) => n === 2);
    await vscode.commands.executeCommand('workbench.action.files.revert', document.uri);
  });

  it('"Run" reports each test: a passed login, a failed ?? as a diff at its line, a failed client.assert at its line, client.log as output', async () => {
    const shown = api.responseView.panel.webviewPanel;
    let finished = 0;
    const listener = api.responseView.onDidFinish(() => finished++);
    const rec = recorder.next();
    await api.tests.run.runHandler(new vscode.TestRunRequest([fileItem], undefined, api.tests.run), new vscode.CancellationTokenSource().token);
    await rec.ended;
    listener.dispose();
    const [login, me] = childrenOf(fileItem);
    const [tokenTest, status200] = childrenOf(login);
    const [status201, user, bob] = childrenOf(me);
    assert.equal(rec.states.get(login.id), 'passed');
    assert.equal(rec.states.get(tokenTest.id), 'passed');
    assert.equal(rec.states.get(status200.id), 'passed');
    assert.equal(rec.states.get(user.id), 'passed', 'the global from the login went out as {{itToken}}');
    assert.equal(rec.states.get(me.id), 'failed');

    const diff = rec.messages.get(status201.id)![0];
    assert.equal(diff.expectedOutput, '201', 'the value alone: VS Code shows "200 != 201"');
    assert.equal(diff.actualOutput, '200');
    assert.match(String(diff.message), /status: expected == 201, actual 200/);
    assert.equal(diff.location?.uri.fsPath, uri.fsPath);
    assert.equal(diff.location?.range.start.line, 16);

    const assertion = rec.messages.get(bob.id)![0];
    assert.match(String(assertion.message), /user was ann/);
    assert.equal(assertion.location?.range.start.line, 20, 'the failure points at the client.assert line');

    const log = rec.output.find((o) => o.text.includes('token is t-1'));
    assert.ok(log, rec.output.map((o) => o.text).join('|'));
    assert.equal(log.location?.range.start.line, 3);
    assert.equal(finished, 0, 'the response view showed nothing');
    assert.equal(api.responseView.panel.webviewPanel, shown, 'no response panel was opened for the run');
    assert.equal(api.sessions.get('default').globals.get('itToken'), 't-1', '"Run" uses the workspace session');
  });

  it('"Run in a Fresh Session" starts without the workspace session\'s globals and leaves it alone', async () => {
    await api.sessions.clear();
    api.sessions.get('default').setGlobal('itToken', 'stale');
    const [, me] = childrenOf(fileItem);
    const rec = recorder.next();
    await api.tests.runFresh.runHandler(new vscode.TestRunRequest([me], undefined, api.tests.runFresh), new vscode.CancellationTokenSource().token);
    await rec.ended;
    const [, user] = childrenOf(me);
    assert.equal(rec.states.get(me.id), 'errored', 'a fresh session has no itToken: nothing is sent');
    assert.match(String(rec.messages.get(me.id)![0].message), /itToken/);
    assert.notEqual(rec.states.get(user.id), 'passed');
    assert.equal(api.sessions.get('default').globals.get('itToken'), 'stale', 'the workspace session is untouched');
  });

  it('running one ?? line runs its request and reports that line', async () => {
    const [login] = childrenOf(fileItem);
    const [, status200] = childrenOf(login);
    const rec = recorder.next();
    await api.tests.run.runHandler(new vscode.TestRunRequest([status200], undefined, api.tests.run), new vscode.CancellationTokenSource().token);
    await rec.ended;
    assert.equal(rec.states.get(status200.id), 'passed');
    assert.equal(server.requests.filter((r) => r.url === '/me').length, 1, 'only the login ran (the first run sent /me once)');
  });

  it('a run sends through the request controller: each request is logged and in the history, the response view stays as it was', async () => {
    // The newest entry before the run marks where this run's entries end (timestamps can tie within a millisecond).
    const newestBefore = JSON.stringify(api.workflow.history.entries[0]);
    const finished: string[] = [];
    let shown = 0;
    const onFinish = api.requests.onDidFinish((r) => finished.push(r.request.url));
    const onShow = api.requests.onDidShow(() => shown++);
    const rec = recorder.next();
    await api.tests.run.runHandler(new vscode.TestRunRequest([fileItem], undefined, api.tests.run), new vscode.CancellationTokenSource().token);
    await rec.ended;
    onFinish.dispose();
    onShow.dispose();
    assert.deepEqual(finished, [`${server.url}/login`, `${server.url}/me`]);
    assert.equal(shown, 0, 'quiet sends: nothing drawn in the response view');
    const entries = api.workflow.history.entries;
    const end = entries.findIndex((e) => JSON.stringify(e) === newestBefore);
    const recorded = end < 0 ? entries : entries.slice(0, end);
    assert.deepEqual(recorded.map((e) => [e.url, e.label, e.file]), [[`${server.url}/me`, 'Who am I', uri.fsPath], [`${server.url}/login`, 'Log in', uri.fsPath]], 'both requests are in the history');
  });

  it('client.test names in a ./handler.js are listed under the request with ranges into the .js file, and report there', async () => {
    const js = writeWorkspaceFile('tests/checks/me.js', '// shared checks\nclient.test("me answers", function () {\n  client.assert(response.status === 200, "status " + response.status);\n});\nclient.test("me is ann", function () {\n  client.assert(response.body.user === "ann", "user was " + response.body.user);\n});\n');
    const http = writeWorkspaceFile('tests/with-js.http', `GET ${server.url}/me\n\n?? status == 200\n> ./checks/me.js\n`);
    await api.tests.controller.refreshHandler!(new vscode.CancellationTokenSource().token);
    const item = await waitFor('the .js tests', () => api.tests.controller.items.get(http.toString()), (i) => i !== undefined && childrenOf(childrenOf(i)[0] ?? i).length === 3) as vscode.TestItem;
    const request = childrenOf(item)[0];
    const tests = childrenOf(request);
    assert.deepEqual(tests.map((t) => [t.label, t.uri?.fsPath, t.range?.start.line, t.range?.start.character]), [
      ['status == 200', http.fsPath, 2, 0],
      ['me answers', js.fsPath, 1, 0],
      ['me is ann', js.fsPath, 4, 0],
    ]);
    await api.sessions.clear();
    const rec = recorder.next();
    await api.tests.run.runHandler(new vscode.TestRunRequest([tests[2]], undefined, api.tests.run), new vscode.CancellationTokenSource().token);
    await rec.ended;
    assert.equal(childrenOf(request).length, 3, 'the results landed on the listed items, none were added');
    assert.equal(rec.states.get(tests[1].id), 'passed');
    assert.equal(rec.states.get(tests[2].id), 'failed');
    const failure = rec.messages.get(tests[2].id)![0];
    assert.match(String(failure.message), /user was nobody/);
    assert.equal(failure.location?.uri.fsPath, js.fsPath);
    assert.equal(failure.location?.range.start.line, 5, 'at the client.assert line of the .js file');
  });

  it('a change to a ./handler.js on disk refreshes the requests that name it, and only those', async () => {
    writeWorkspaceFile('tests/checks/changing.js', 'client.test("a", function () {});\n');
    const http = writeWorkspaceFile('tests/changing-js.http', `GET ${server.url}/me\n> ./checks/changing.js\n`);
    const unrelated = writeWorkspaceFile('tests/unrelated.http', `GET ${server.url}/me\n> ./checks/me.js\n`);
    await api.tests.controller.refreshHandler!(new vscode.CancellationTokenSource().token);
    const labels = (): string[] => {
      const item = api.tests.controller.items.get(http.toString());
      return item ? childrenOf(item).flatMap((request) => childrenOf(request).map((t) => t.label)) : [];
    };
    await waitFor('"a" listed', labels, (l) => l.join() === 'a');
    // The watcher's own events for the two new .http files come late: let them land before the snapshot.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = childrenOf(api.tests.controller.items.get(unrelated.toString())!);
    writeWorkspaceFile('tests/checks/changing.js', 'client.test("b", function () {});\n');
    await waitFor('"b" listed after the .js changed on disk (no Refresh)', labels, (l) => l.join() === 'b');
    const after = childrenOf(api.tests.controller.items.get(unrelated.toString())!);
    assert.ok(after.length === 1 && after[0] === before[0], 'a file naming another script was not parsed again');
  });
});
