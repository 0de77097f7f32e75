// What a user clicks: open the workspace, open an .http file from the explorer, click "Send Request",
// read the response; then the second request shows the cookie the first one set; a retried request shows
// each try in the Timing tab; Send All ends on the last response. Screenshots of every step land in
// artifacts/screenshots/.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { startServer } from '../support/startServer';
import type { TestServer } from '../support/startServer';
import { openWorkbench, settledCount, skipWithoutChromium } from './workbench';
import type { Workbench } from './workbench';

/** Requests in burst.http, sent with Send All. */
const BURST = 40;

describe('browser: Send Request in the VS Code workbench', function () {
  let target: TestServer;
  let workbench: Workbench;
  let flakyTries = 0;

  before(async function () {
    skipWithoutChromium(this);
    target = await startServer((req, res) => {
      // Two 503s, then the answer: what `# @retry 2` rides out.
      if (req.url === '/flaky' && (flakyTries += 1) <= 2) {
        res.writeHead(503, { 'Content-Type': 'text/plain' }).end('busy');
        return;
      }
      if (req.url === '/login') res.setHeader('Set-Cookie', 'sid=abc123; Path=/; HttpOnly');
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ path: req.url, cookie: req.headers.cookie ?? null }));
    });
    workbench = await openWorkbench({
      'demo.http': [
        '### Log in',
        `GET ${target.url}/login`,
        '',
        '### Who am I',
        `GET ${target.url}/profile`,
        '',
        '### Busy at first',
        '# @retry 2',
        `GET ${target.url}/flaky`,
        '',
      ].join('\n'),
      'burst.http': Array.from({ length: BURST }, (_, i) => `### b${i}\nGET ${target.url}/burst/${i}\n`).join('\n'),
      // A file in the shapes of issue 11 (comments in bodies, ### name, requests without ###, an httpYac block,
      // JSON without its blank line, # @ref): five requests as its author meant them.
      'compat.http': readFileSync(join(__dirname, '..', 'fixtures', 'compat', 'all-shapes.http'), 'utf8'),
    });
  });

  after(async () => {
    await workbench?.close();
    await target?.close();
  });

  /** The response webview's content frame (host iframe → inner #active-frame). */
  function responseFrame(): FrameLocator {
    return workbench.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  }

  it('shows the workbench with the workspace in the explorer', async () => {
    const row = workbench.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'demo.http' });
    await row.waitFor({ timeout: 60_000 });
    await workbench.screenshot('01-workbench');
  });

  it('opens demo.http from the explorer and shows a Send Request lens above each request', async () => {
    await workbench.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'demo.http' }).click();
    await workbench.page.locator('.monaco-editor .view-lines', { hasText: '/login' }).waitFor({ timeout: 30_000 });
    await workbench.screenshot('02-http-file-open');
    const lenses = workbench.page.locator('.codelens-decoration a', { hasText: 'Send Request' });
    await lenses.nth(2).waitFor({ timeout: 90_000 });
    assert.equal(await settledCount(lenses, 3), 3);
    await workbench.screenshot('03-codelens');
  });

  it('a file written for other tools (test/fixtures/compat/all-shapes.http) shows one Send Request lens per request, above each request line', async () => {
    await workbench.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'compat.http' }).click();
    const editor = workbench.page.locator('.editor-instance .monaco-editor', { hasText: 'PRODUCTION Deploy' });
    await editor.waitFor({ timeout: 30_000 });
    const lenses = editor.locator('.codelens-decoration a', { hasText: 'Send Request' });
    await lenses.nth(4).waitFor({ timeout: 90_000 });
    assert.equal(await settledCount(lenses, 5), 5);
    // Each lens sits right above its request line: the view line after a lens starts with the method.
    const linesAfterLenses = await editor.evaluate((root) => {
      const lines = [...root.querySelectorAll('.view-lines .view-line')].map((el) => ({ top: el.getBoundingClientRect().top, text: el.textContent ?? '' }));
      return [...root.querySelectorAll('.codelens-decoration')].map((lens) => {
        const bottom = lens.getBoundingClientRect().bottom;
        const next = lines.filter((l) => l.top >= bottom - 2).sort((a, b) => a.top - b.top)[0];
        return next?.text.trim().split(/\s+/)[0] ?? '';
      });
    });
    await workbench.screenshot('03b-compat-codelens');
    assert.deepEqual(linesAfterLenses.sort(), ['DELETE', 'GET', 'GET', 'POST', 'PUT']);
    // Back to demo.http for the send steps.
    await workbench.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'demo.http' }).click();
    await workbench.page.locator('.monaco-editor .view-lines', { hasText: '/login' }).waitFor({ timeout: 30_000 });
  });

  it('clicking Send Request shows the response: status and body', async () => {
    await workbench.page.locator('.codelens-decoration a', { hasText: 'Send Request' }).first().click();
    const body = responseFrame().locator('body');
    await body.getByText('200', { exact: false }).first().waitFor({ timeout: 30_000 });
    await body.getByText('/login', { exact: false }).first().waitFor({ timeout: 10_000 });
    await workbench.screenshot('04-response');
    assert.equal(target.requests.at(-1)?.url, '/login');
  });

  it('the second request carries the cookie the first response set, and the response shows it', async () => {
    await workbench.page.locator('.codelens-decoration a', { hasText: 'Send Request' }).nth(1).click();
    const body = responseFrame().locator('body');
    await body.getByText('/profile', { exact: false }).first().waitFor({ timeout: 30_000 });
    await body.getByText('sid=abc123', { exact: false }).first().waitFor({ timeout: 10_000 });
    await workbench.screenshot('05-second-response-with-cookie');
    const arrived = target.requests.at(-1);
    assert.equal(arrived?.url, '/profile');
    assert.equal(arrived?.headers.find(([n]) => n.toLowerCase() === 'cookie')?.[1], 'sid=abc123');
  });

  it('a retried request shows each try, and the waits between, in the Timing tab', async () => {
    await workbench.page.locator('.codelens-decoration a', { hasText: 'Send Request' }).nth(2).click();
    const frame = responseFrame();
    await frame.locator('body').getByText('/flaky', { exact: false }).first().waitFor({ timeout: 30_000 });
    await frame.locator('button.tab', { hasText: 'Timing' }).click();
    const timing = frame.locator('.tab-timing');
    await timing.waitFor({ timeout: 10_000 });
    await workbench.screenshot('06-timing-tab-tries');
    const names = await timing.locator('.timing-name').allInnerTexts();
    assert.deepEqual(names.filter((n) => /try/i.test(n)), ['Try 1 (503)', 'Waited before try 2', 'Try 2 (503)', 'Waited before try 3', 'Try 3 (200)']);
    assert.match(await timing.innerText(), /3 hops/);
    assert.equal(flakyTries, 3, 'the server saw three tries');
  });

  it('Send All from its key: the view ends on the last response, after the server answered every request', async () => {
    const page = workbench.page;
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'burst.http' }).click();
    const editor = page.locator('.monaco-editor .view-lines', { hasText: '### b0' });
    await editor.waitFor({ timeout: 30_000 });
    const before = target.requests.length;
    await editor.click();
    await page.keyboard.press('Control+Alt+Shift+R');
    const label = responseFrame().locator('.summary .label');
    await label.getByText(`b${BURST - 1}`, { exact: true }).waitFor({ timeout: 60_000 });
    assert.deepEqual(target.requests.slice(before).map((r) => r.url), Array.from({ length: BURST }, (_, i) => `/burst/${i}`));
    await page.waitForTimeout(500);
    assert.equal(await label.innerText(), `b${BURST - 1}`, 'the view stays on the last response');
    assert.match(await responseFrame().locator('#status').innerText(), /^200/);
    await workbench.screenshot('07-send-all-last-response');
  });
});
