// The session UI as a user drives it: log in from examples/04-login.http, see the 200 and the sessionid
// cookie in the tree, list customers (authorized), reload the window (the session survives), Clear Session
// from the palette, and the customer list is refused. Then hostile response content: shown as text, no
// script runs, nothing is fetched. Screenshots: artifacts/screenshots/ui-*.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { REPO_ROOT } from '../../scripts/vscode/paths';
import { startDemoServer } from '../../src/demo/demoServer';
import type { DemoServer } from '../../src/demo/demoServer';
import { startServer } from '../support/startServer';
import type { TestServer } from '../support/startServer';
import { openWorkbench, settledCount, skipWithoutChromium } from './workbench';
import type { Workbench } from './workbench';

describe('browser: session UI (response view, sessions tree, Clear Session)', function () {
  let demo: DemoServer;
  let hostile: TestServer;
  let hits = 0;
  let workbench: Workbench;

  before(async function () {
    skipWithoutChromium(this);
    demo = await startDemoServer();
    // The hostile server: every payload would call /hit on this loopback server if it ever ran or loaded.
    hostile = await startServer((req, res) => {
      if (req.url?.startsWith('/hit')) {
        hits++;
        res.end('hit');
        return;
      }
      const hit = `http://127.0.0.1:${new URL(`http://${req.headers.host}`).port}/hit`;
      const payload = `<img src=x onerror="fetch('${hit}?img')"><script>fetch('${hit}?script')</script><a href="javascript:fetch('${hit}?js')">js</a>`;
      res.setHeader('X-Evil', `<script>fetch('${hit}?header')</script>`);
      res.setHeader('Set-Cookie', [`evil=${encodeURIComponent(payload)}; Path=/`, `<img src=${hit}?cookie>=1; Path=/`]);
      if (req.url === '/page') {
        res.setHeader('Content-Type', 'text/html');
        res.end(`<html><body><h1>Preview</h1>${payload}<img src="${hit}?preview-img"><iframe src="${hit}?frame"></iframe></body></html>`);
      } else {
        res.setHeader('Content-Type', 'application/json');
        res.writeHead(200, `<script>fetch('${hit}?status')</script>`);
        res.end(JSON.stringify({ [`<img src=x onerror="fetch('${hit}?key')">`]: payload }));
      }
    });
    const login = fs.readFileSync(path.join(REPO_ROOT, 'examples', '04-login.http'), 'utf8');
    workbench = await openWorkbench({
      '04-login.http': login,
      'http-client.env.json': JSON.stringify({ $shared: { baseUrl: demo.url } }),
      'hostile.http': `### evil json\nGET ${hostile.url}/json\n\n### evil page\nGET ${hostile.url}/page\n`,
    });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`ui-failed-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  after(async () => {
    await workbench?.close();
    await demo?.close();
    await hostile?.close();
  });

  const page = (): Workbench['page'] => workbench.page;
  const responseFrame = (): FrameLocator => page().frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  const lens = (n: number): Locator => page().locator('.codelens-decoration a', { hasText: 'Send Request' }).nth(n);
  const sessionsPane = (): Locator => page().locator('.part.sidebar', { hasText: 'HTTP Session' });

  async function openFile(name: string, text: string): Promise<void> {
    await page().keyboard.press('Control+P');
    await page().keyboard.type(name);
    await page().locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 20_000 });
    await page().keyboard.press('Enter');
    await page().locator('.monaco-editor .view-lines', { hasText: text }).first().waitFor({ timeout: 30_000 });
  }

  async function runCommand(title: string): Promise<void> {
    await page().keyboard.press('F1');
    await page().keyboard.type(title);
    await page().locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 20_000 });
    await page().keyboard.press('Enter');
  }

  async function showSessions(): Promise<void> {
    const icon = page().locator('.activitybar [aria-label^="HTTP Session"]').first();
    await icon.waitFor({ timeout: 30_000 });
    // After a reload the container may be active while its views still load: a click would then close the
    // sidebar. Click only while the container is not the active one, and give a restored one time to fill.
    const deadline = Date.now() + 30_000;
    while (!(await sessionsPane().isVisible()) && Date.now() < deadline) {
      const active = await page().locator('.activitybar .action-item.checked[aria-label^="HTTP Session"], .activitybar .action-item.checked [aria-label^="HTTP Session"]').count() > 0;
      if (!active) await icon.click();
      await page().waitForTimeout(1_000);
    }
    await sessionsPane().waitFor({ timeout: 10_000 });
  }

  it('Send Request on the login shows 200 OK in the response view, titled with the request name', async () => {
    await openFile('04-login.http', '/api/mgr/signin');
    await lens(0).waitFor({ timeout: 90_000 });
    await lens(0).click();
    const status = responseFrame().locator('#status');
    await status.filter({ hasText: '200 OK' }).waitFor({ timeout: 30_000 });
    assert.equal(await responseFrame().locator('#http-version').innerText(), 'HTTP/1.1', 'the version the response came over is shown');
    await responseFrame().locator('.t-key', { hasText: '"ret"' }).waitFor({ timeout: 5_000 });
    await page().locator('.tab', { hasText: '200 signin' }).waitFor({ timeout: 10_000 });
    await workbench.screenshot('ui-01-login-200');
  });

  it('the sessions tree shows the sessionid cookie under its domain', async () => {
    await showSessions();
    await sessionsPane().locator('.monaco-list-row', { hasText: 'sessionid' }).waitFor({ timeout: 15_000 });
    await sessionsPane().locator('.monaco-list-row', { hasText: '127.0.0.1' }).first().waitFor();
    assert.match(await page().locator('.statusbar-item', { hasText: 'cookie' }).first().innerText(), /1 cookie/);
    await workbench.screenshot('ui-02-tree-sessionid');
  });

  it('the customer list is authorized by the session cookie; the Cookies tab lists it as sent', async () => {
    await lens(1).click();
    await responseFrame().locator('.t-key', { hasText: '"retlist"' }).waitFor({ timeout: 30_000 });
    await responseFrame().locator('.tab', { hasText: 'Cookies' }).click();
    await responseFrame().locator('.tab-cookies th', { hasText: 'sessionid' }).waitFor({ timeout: 5_000 });
    await workbench.screenshot('ui-03-customers-authorized');
    await responseFrame().locator('.tab', { hasText: 'Body' }).click();
  });

  it('the session survives a window reload (saved in workspace storage, loaded on activation)', async () => {
    await page().waitForTimeout(1_000); // past the save debounce
    await runCommand('Developer: Reload Window');
    await page().locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await showSessions();
    await sessionsPane().locator('.monaco-list-row', { hasText: 'sessionid' }).waitFor({ timeout: 60_000 });
    // The response panel is not restored (responses are not kept across reloads): no empty group is left behind.
    assert.equal(await settledCount(page().locator('.part.editor .editor-group-container'), 1), 1, 'one editor group after the reload');
    await workbench.screenshot('ui-04-after-reload');
  });

  it('Clear Session from the palette empties the tree, and the customer list is then refused', async () => {
    await runCommand('HTTP Session: Clear Session');
    await sessionsPane().getByText('No cookies or default headers yet.').waitFor({ timeout: 15_000 });
    await workbench.screenshot('ui-05-cleared');
    await openFile('04-login.http', '/api/mgr/signin');
    await lens(1).waitFor({ timeout: 90_000 });
    await lens(1).click();
    await responseFrame().locator('.t-string', { hasText: '未登录' }).waitFor({ timeout: 30_000 });
    await workbench.screenshot('ui-06-refused-after-clear');
  });

  it('hostile status text, headers, cookie names and JSON keys show as literal text and never run', async () => {
    await openFile('hostile.http', '/json');
    await lens(0).waitFor({ timeout: 90_000 });
    await lens(0).click();
    const frame = responseFrame();
    await frame.locator('.server-text', { hasText: '<script>' }).waitFor({ timeout: 30_000 });
    await frame.locator('.t-key', { hasText: '<img src=x onerror=' }).waitFor();
    await frame.locator('.tab', { hasText: 'Headers' }).click();
    await frame.locator('.tab-headers td', { hasText: "<script>fetch('" }).waitFor();
    await frame.locator('.tab', { hasText: 'Cookies' }).click();
    await frame.locator('.tab-cookies th', { hasText: '<img src' }).first().waitFor();
    await workbench.screenshot('ui-07-hostile-json-as-text');
    await frame.locator('.tab', { hasText: 'Body' }).click();
    assert.equal(await frame.locator('body img, body script:not([nonce])').count(), 0, 'no server markup became elements');
  });

  it('hostile HTML shows as source; its preview is sandboxed: no script, no load', async () => {
    await lens(1).click();
    const frame = responseFrame();
    await frame.locator('pre.raw', { hasText: '<script>fetch(' }).waitFor({ timeout: 30_000 });
    await frame.locator('button', { hasText: 'Preview' }).click();
    await frame.locator('iframe.html-preview').waitFor();
    assert.equal(await frame.locator('iframe.html-preview').getAttribute('sandbox'), '');
    await frame.frameLocator('iframe.html-preview').locator('h1', { hasText: 'Preview' }).waitFor({ timeout: 10_000 });
    await page().waitForTimeout(2_000);
    await workbench.screenshot('ui-08-hostile-html-preview');
    assert.equal(hits, 0, 'the loopback /hit endpoint was never called');
  });
});
