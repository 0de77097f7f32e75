// A response body over the pretty-print threshold (2 MB) in the real response view: the notice, "Open in
// Editor" and "Show More"; Show More reveals the next part of the body; the expanded body survives hiding and
// showing the panel; each response replaces the last one in place, in one panel.
// Screenshots: nonce-NN-*.png.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator } from 'playwright-core';
import { startServer } from '../support/startServer';
import type { TestServer } from '../support/startServer';
import { openWorkbench, skipWithoutChromium } from './workbench';
import type { Workbench } from './workbench';

/** The body: 3 MB of JSON, with markers inside the first message (64 K chars), the first Show More (next 256 K) and at the very end. */
const FIRST_MARK = 'MARK-IN-FIRST-PART';
const MORE_MARK = 'MARK-AFTER-ONE-SHOW-MORE';
const END_MARK = 'MARK-AT-THE-END';
function bigBody(): string {
  const items: string[] = [];
  let length = 0;
  for (let i = 0; length < 3 * 1024 * 1024; i++) {
    const tag = i === 10 ? FIRST_MARK : length > 150_000 && length < 151_000 ? MORE_MARK : 'plain';
    const item = JSON.stringify({ id: i, name: `item ${i}`, tag, pad: 'x'.repeat(60) });
    items.push(item);
    length += item.length + 1;
  }
  return `{"items":[${items.join(',')}],"end":"${END_MARK}"}`;
}

/** What the current page of the view shows, read in one go (the page may be swapped between two reads). */
interface ViewPage {
  page: string;
  nonce: string;
  status: string;
  /** When (page clock, ms) the page last rendered a response; -1 before the first. */
  rendered: number;
}
/** The few DOM members the in-page read uses (the test compiles without the DOM library). */
interface QueryRoot {
  querySelector(selector: string): { textContent: string | null; getAttribute(name: string): string | null } | null;
}

describe('browser: a response body over 2 MB (pretty-printing off, Show More, Open in Editor)', function () {
  let server: TestServer;
  let workbench: Workbench;
  const body = bigBody();

  before(async function () {
    skipWithoutChromium(this);
    server = await startServer((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(req.url === '/big' ? body : '{"small":true}');
    });
    workbench = await openWorkbench({ 'large.http': `### small\nGET ${server.url}/small\n\n### big\nGET ${server.url}/big\n` });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`nonce-failed-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  after(async () => {
    await workbench?.close();
    await server?.close();
  });

  const page = (): Workbench['page'] => workbench.page;
  const frame = (): FrameLocator => page().frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  const lens = (n: number): Locator => page().locator('.codelens-decoration a', { hasText: 'Send Request' }).nth(n);
  const bodyView = (): Locator => frame().locator('.body-view');
  const rawLength = async (): Promise<number> => (await frame().locator('.body-view pre.raw').innerText()).length;

  async function viewPage(): Promise<ViewPage | undefined> {
    try {
      return await frame().locator('html').evaluate((html) => {
        const root = html as unknown as QueryRoot;
        const csp = root.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
        return {
          page: root.querySelector('#app')?.getAttribute('data-page') ?? '',
          nonce: /script-src 'nonce-([^']+)'/.exec(csp)?.[1] ?? '',
          status: root.querySelector('#status')?.textContent ?? '',
          rendered: (globalThis as unknown as { performance: { getEntriesByName(name: string): Array<{ startTime: number }> } }).performance.getEntriesByName('httpSession.responseRendered')[0]?.startTime ?? -1,
        };
      }, undefined, { timeout: 2_000 });
    } catch {
      return undefined; // no view yet, or its page was swapped during the read
    }
  }

  /** Clicks lens `n` and waits for a new render (not the one shown before) whose status reads `status`. */
  async function sendAndWait(n: number, status: string): Promise<ViewPage> {
    const before = await viewPage();
    await lens(n).click();
    for (const end = Date.now() + 60_000; Date.now() < end; await page().waitForTimeout(100)) {
      const now = await viewPage();
      if (now && (now.page !== before?.page || now.rendered !== before?.rendered) && now.status.includes(status)) return now;
    }
    throw new Error(`no new response with status "${status}" within 60 s`);
  }

  it('each response replaces the last one in place: the same panel and page, updated by message', async () => {
    await page().keyboard.press('Control+Shift+E');
    await page().locator('.explorer-folders-view .monaco-list-row', { hasText: 'large.http' }).first().click({ timeout: 30_000 });
    await lens(1).waitFor({ timeout: 90_000 });
    const small = await sendAndWait(0, '200 OK');
    await frame().locator('.t-key', { hasText: '"small"' }).waitFor({ timeout: 10_000 });
    const big = await sendAndWait(1, '200 OK');
    assert.match(small.nonce, /^[A-Za-z0-9+/=]{24}$/);
    assert.equal(big.page, small.page, 'no page reload between responses');
    assert.equal(big.nonce, small.nonce);
    assert.equal(await page().locator('.tab', { hasText: '200 big' }).count(), 1, 'one response panel, retitled in place');
    assert.equal(await page().locator('.tab', { hasText: '200 small' }).count(), 0);
  });

  it('a 3 MB JSON body shows the notice, Open in Editor and Show More, and only the start of the body', async () => {
    const view = bodyView();
    await view.locator('.notice', { hasText: 'pretty-printing is off above 2 MB' }).waitFor({ timeout: 10_000 });
    await view.locator('button', { hasText: 'Open in Editor' }).waitFor();
    await view.locator('button', { hasText: 'Show More' }).waitFor();
    const shown = await rawLength();
    assert.ok(shown >= 60_000 && shown <= 70_000, `the first part only (${shown} characters)`);
    const text = await frame().locator('.body-view pre.raw').innerText();
    assert.ok(text.startsWith('{"items":[{"id":0,'), text.slice(0, 40));
    assert.ok(text.includes(FIRST_MARK) && !text.includes(MORE_MARK), 'the start of the body, not what comes later');
    assert.equal(await frame().locator('.body-view pre.code:not(.raw)').count(), 0, 'no pretty-printed lines');
    await workbench.screenshot('nonce-01-large-body-notice');
  });

  it('Show More reveals the next part of the body on the same page (same nonce), and again until the end', async () => {
    const before = await viewPage();
    const shown = await rawLength();
    const more = bodyView().locator('button', { hasText: 'Show More' });
    await more.click();
    for (const end = Date.now() + 20_000; (await rawLength()) === shown && Date.now() < end;) await page().waitForTimeout(100);
    const grown = await rawLength();
    assert.ok(grown > shown + 200_000, `the body grew (${shown} → ${grown})`);
    assert.ok((await frame().locator('.body-view pre.raw').innerText()).includes(MORE_MARK));
    await frame().locator('.body-view pre.raw').getByText(MORE_MARK).scrollIntoViewIfNeeded();
    assert.equal((await viewPage())?.nonce, before?.nonce, 'a chunk is not a new page');
    await workbench.screenshot('nonce-02-after-show-more');
    // Click on until the whole body is shown: the button goes away and the end marker is there.
    for (let i = 0; i < 20 && (await more.count()) > 0; i++) {
      await more.click();
      await page().waitForTimeout(300);
    }
    assert.equal(await more.count(), 0, 'no Show More once everything is shown');
    assert.equal(await rawLength(), body.length);
    assert.ok((await frame().locator('.body-view pre.raw').innerText()).endsWith(`"end":"${END_MARK}"}`));
  });

  it('the expanded body and the scroll position are kept when the panel is hidden and shown again; Open in Editor opens the whole body', async () => {
    const before = await viewPage();
    const scrollY = (): Promise<number> => frame().locator('html').evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY);
    await frame().locator('html').evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 40_000));
    const scrolled = await scrollY();
    assert.ok(scrolled > 30_000, `scrolled down (${scrolled})`);
    // A dispatched click: Playwright's own click would first scroll the button (at the top) into view. The view
    // has focus, so the editor opens in the view's own group and hides the view.
    await bodyView().locator('button', { hasText: 'Open in Editor' }).dispatchEvent('click');
    await page().locator('.monaco-editor .view-lines', { hasText: '"items": [' }).first().waitFor({ timeout: 60_000 });
    await workbench.screenshot('nonce-03-open-in-editor');
    await page().locator('.tab', { hasText: '200 big' }).click();
    await bodyView().waitFor({ timeout: 10_000 });
    for (const end = Date.now() + 5_000; (await scrollY()) !== scrolled && Date.now() < end;) await page().waitForTimeout(100);
    assert.equal((await viewPage())?.nonce, before?.nonce, 'the same page, kept while hidden');
    assert.equal(await rawLength(), body.length, 'every shown chunk still there');
    assert.equal(await scrollY(), scrolled, 'the scroll position kept');
    await workbench.screenshot('nonce-04-shown-again');
  });
});
