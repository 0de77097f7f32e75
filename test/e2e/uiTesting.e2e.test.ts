// What a user clicks to test an .http file: the Testing view runs the file, the failing ?? line is marked where
// it is written; Send Request shows the Tests tab and "N/M tests passed". Screenshots in artifacts/screenshots/.
import * as assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { startServer } from '../support/startServer';
import type { TestServer } from '../support/startServer';
import { openWorkbench, skipWithoutChromium } from './workbench';
import type { Workbench } from './workbench';

const file = (base: string): string => [
  '### Log in',
  `POST ${base}/login`,
  '',
  '> {%',
  '  client.global.set("e2eToken", response.body.token);',
  '  client.log("logged in");',
  '  client.test("a token came back", function () {',
  '    client.assert(response.body.token === "t-9", "no token");',
  '  });',
  '%}',
  '?? status == 200',
  '',
  '### Who am I',
  `GET ${base}/me`,
  'Authorization: Bearer {{e2eToken}}',
  '',
  '?? status == 201',
  '?? body $.user == ann',
  '',
].join('\n');

describe('browser: the Testing view and the Tests tab', function () {
  let target: TestServer;
  let workbench: Workbench;

  before(async function () {
    skipWithoutChromium(this);
    target = await startServer((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(req.url === '/login' ? { token: 't-9' } : { user: req.headers.authorization === 'Bearer t-9' ? 'ann' : '?' }));
    });
    workbench = await openWorkbench({ 'api.http': file(target.url) });
  });

  after(async () => {
    await workbench?.close();
    await target?.close();
  });

  function responseFrame(): FrameLocator {
    return workbench.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  }

  /**
   * The test state shown beside 1-based `line` (matched by its line number's height): in the glyph margin, or
   * (`inline`) the failure message VS Code writes after the line's text.
   */
  async function markAt(line: number, inline = false): Promise<string | undefined> {
    const { page } = workbench;
    const editor = page.locator('.monaco-editor', { hasText: '?? status == 201' }).first();
    const number = editor.locator('.line-numbers', { hasText: new RegExp(`^${line}$`) }).first();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const y = (await number.boundingBox())?.y;
      for (const state of ['failed', 'passed']) {
        const glyph = `.codicon-testing-${state}-icon${inline ? ':not(.testing-run-glyph)' : '.testing-run-glyph'}`;
        for (const mark of await editor.locator(glyph).all()) {
          const box = await mark.boundingBox();
          if (y !== undefined && box && box.y >= y - 1 && box.y + box.height <= y + 20) return state;
        }
      }
      await page.waitForTimeout(500);
    }
    return undefined;
  }

  it('lists api.http, its requests and their tests in the Testing view', async () => {
    const { page } = workbench;
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'api.http' }).click({ timeout: 60_000 });
    await page.locator('.monaco-editor .view-lines', { hasText: '/login' }).waitFor({ timeout: 30_000 });
    await page.locator('.activitybar [aria-label^="Testing"]').first().click({ timeout: 30_000 });
    const tree = page.locator('.test-explorer-tree');
    const fileRow = tree.locator('.monaco-list-row', { hasText: 'api.http' });
    await fileRow.waitFor({ timeout: 60_000 });
    if ((await fileRow.getAttribute('aria-expanded')) === 'false') await fileRow.click();
    await tree.locator('.monaco-list-row', { hasText: 'Log in' }).waitFor({ timeout: 15_000 });
    await tree.locator('.monaco-list-row', { hasText: 'Who am I' }).waitFor({ timeout: 15_000 });
    await workbench.screenshot('testing-01-explorer');
  });

  it('running the file from the Testing view marks the failing ?? line where it is written', async () => {
    const { page } = workbench;
    const tree = page.locator('.test-explorer-tree');
    const fileRow = tree.locator('.monaco-list-row', { hasText: 'api.http' });
    await fileRow.hover();
    await fileRow.locator('.action-label[aria-label^="Run Test"]').first().click();
    // The failed request and its failing ?? line turn red in the tree.
    await tree.locator('.monaco-list-row', { hasText: 'Who am I' }).locator('.codicon-testing-failed-icon').waitFor({ timeout: 60_000 });
    await tree.locator('.monaco-list-row', { hasText: 'Log in' }).locator('.codicon-testing-passed-icon').waitFor({ timeout: 10_000 });
    // In the editor, the failed mark and the failure message sit on line 17 (the ?? line that failed); line 18 passed.
    assert.equal(await markAt(17), 'failed');
    assert.equal(await markAt(17, true), 'failed');
    assert.equal(await markAt(18), 'passed');
    assert.equal(await markAt(11), 'passed');
    // The Test Results panel lists the failure with its message.
    const failureRow = page.locator('.monaco-list-row', { hasText: 'status: expected == 201, actual 200' }).first();
    // Whether VS Code opens the Test Results view by itself at the end of a run depends on its timing: open it.
    if (!(await failureRow.isVisible())) {
      await page.keyboard.press('F1');
      await page.keyboard.type('Focus on Test Results View');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Test Results' }).first().waitFor({ timeout: 20_000 });
      await page.keyboard.press('Enter');
    }
    await failureRow.waitFor({ timeout: 30_000 });
    await workbench.screenshot('testing-02-failure-at-line');
    assert.deepEqual(target.requests.map((r) => r.url), ['/login', '/me']);
  });

  it('Send Request shows "1/2 tests passed" and the Tests tab with expected and actual', async () => {
    const { page } = workbench;
    await page.keyboard.press('Escape');
    await page.locator('.codelens-decoration a', { hasText: 'Send Request' }).nth(1).click({ timeout: 60_000 });
    const body = responseFrame().locator('body');
    await body.locator('#tests-summary', { hasText: '1/2 tests passed' }).waitFor({ timeout: 30_000 });
    await body.locator('button.tab[data-tab="Tests"]').click();
    const failed = body.locator('li.test.fail', { hasText: 'status == 201' });
    await failed.waitFor({ timeout: 10_000 });
    assert.match(await failed.innerText(), /Expected\s+== 201[\s\S]*Actual\s+200/);
    assert.match(await failed.innerText(), /api\.http:17/);
    await workbench.screenshot('testing-03-tests-tab');
  });
});
