// The response view under attack (issue 5) and in every theme: hostile bodies, headers, status text, cookie
// names and values and URLs carry markup and script; nothing runs (a loopback /hit endpoint counts every
// call), the text shows literally, the page runs only its own script under a fresh nonce, with a CSP without inline script. Then
// long values in every tab, in the light, dark and high-contrast themes. Screenshots: ui-1*.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { startServer } from '../support/startServer';
import type { TestServer } from '../support/startServer';
import { openWorkbench, skipWithoutChromium } from './workbench';
import type { Workbench } from './workbench';

const BIDI = '\u202E';

/** The few DOM members the in-page checks use (the test compiles without the DOM library). */
interface DomElement {
  tagName: string;
  id: string;
  nonce?: string;
  attributes: ArrayLike<{ name: string; value: string }>;
  classList: { contains(name: string): boolean };
  hasAttribute(name: string): boolean;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** What the view's current page shows, read in one go (the page may be swapped between two reads). */
interface ViewPage {
  page: string;
  csp: string;
  scriptNonce: string;
  status: string;
  /** When (page clock, ms) the page last rendered a response; -1 before the first. */
  rendered: number;
}
/** The few DOM members the one-go read uses. */
interface QueryRoot {
  querySelector(selector: string): { textContent: string | null; nonce?: string; getAttribute(name: string): string | null } | null;
}

describe('browser: the response view under attack, and in light, dark and high contrast', function () {
  let hostile: TestServer;
  let hits: string[] = [];
  let workbench: Workbench;

  before(async function () {
    skipWithoutChromium(this);
    hostile = await startServer((req, res) => {
      if (req.url?.startsWith('/hit')) {
        hits.push(req.url);
        res.end('hit');
        return;
      }
      const hit = `http://127.0.0.1:${new URL(`http://${req.headers.host}`).port}/hit`;
      const payload = `<img src=x onerror="fetch('${hit}?img')"><script>fetch('${hit}?script')</script>`
        + `<a href="javascript:fetch('${hit}?js')">js</a><div onmouseover="fetch('${hit}?over')">x</div></div></body></html>`;
      if (req.url?.startsWith('/long')) {
        res.setHeader('Set-Cookie', [`longvalue=${'v'.repeat(3000)}; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict`, 'short=1; Path=/']);
        res.setHeader('X-Long-Header', `${'h'.repeat(1500)}end`);
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ url: req.url, long: 'w'.repeat(4000), nested: { ok: true, n: 42 } }));
        return;
      }
      res.setHeader('X-Evil', `<script>fetch('${hit}?header')</script>" onmouseover="fetch('${hit}?attr')`);
      res.setHeader('Set-Cookie', [`evil=${encodeURIComponent(payload)}; Path=/`, `<img src=${hit}?cookie>=<script>fetch(1)</script>; Path=/`]);
      res.setHeader('Content-Type', req.url?.startsWith('/text') ? 'text/plain' : 'application/json');
      res.writeHead(200, `<script>fetch('${hit}?status')</script></div></body>`);
      const text = `${payload} ${BIDI}txt.exe ${decodeURIComponent(req.url ?? '')}`;
      res.end(req.url?.startsWith('/text') ? text : JSON.stringify({ [`<img src=x onerror="fetch('${hit}?key')">`]: text }));
    });
    const url = `${hostile.url}/text?q=<script>fetch('/hit?url')</script>&u=javascript:fetch('/hit?url2')`;
    workbench = await openWorkbench({
      'attack.http': `### evil json\nGET ${hostile.url}/json\n\n### evil text and url\nGET ${url}\n\n### long values\nGET ${hostile.url}/long?${'q'.repeat(600)}=1\n`,
    });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`ui-failed-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  after(async () => {
    await workbench?.close();
    await hostile?.close();
  });

  const page = (): Workbench['page'] => workbench.page;
  const frame = (): FrameLocator => page().frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  const lens = (n: number): Locator => page().locator('.codelens-decoration a', { hasText: 'Send Request' }).nth(n);
  const tab = async (name: string): Promise<void> => { await frame().locator('button.tab', { hasText: name }).click(); };
  const text = async (selector: string): Promise<string> => frame().locator(selector).first().innerText();

  async function viewPage(): Promise<ViewPage | undefined> {
    try {
      return await frame().locator('html').evaluate((html) => {
        const root = html as unknown as QueryRoot;
        return {
          page: root.querySelector('#app')?.getAttribute('data-page') ?? '',
          csp: root.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
          scriptNonce: root.querySelector('script[nonce]')?.nonce ?? '',
          status: root.querySelector('#status')?.textContent ?? '',
          rendered: (globalThis as unknown as { performance: { getEntriesByName(name: string): Array<{ startTime: number }> } }).performance.getEntriesByName('httpSession.responseRendered')[0]?.startTime ?? -1,
        };
      }, undefined, { timeout: 2_000 });
    } catch {
      return undefined; // no view yet, or its page was swapped during the read
    }
  }

  /**
   * Clicks lens `n` and waits for the response: a render other than the one shown before whose status reads
   * 200 OK. Waiting for "200 OK" alone could match the previous response.
   */
  async function send(n: number): Promise<ViewPage> {
    const before = await viewPage();
    await lens(n).click();
    for (const end = Date.now() + 30_000; Date.now() < end; await page().waitForTimeout(100)) {
      const now = await viewPage();
      if (now && (now.page !== before?.page || now.rendered !== before?.rendered) && now.status.includes('200 OK')) return now;
    }
    throw new Error(`lens ${n}: no new response showing 200 OK within 30 s`);
  }

  /** Switches the colour theme through the `workbench.colorTheme` setting (workspace settings file). */
  function setTheme(theme: string): void {
    fs.mkdirSync(path.join(workbench.workspace, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(workbench.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.colorTheme': theme }));
  }

  async function openAttackFile(): Promise<void> {
    // Through the Explorer: Quick Open's file search can lag behind on a busy machine.
    await page().keyboard.press('Control+Shift+E');
    await page().locator('.explorer-folders-view .monaco-list-row', { hasText: 'attack.http' }).first().click({ timeout: 30_000 });
    await lens(0).waitFor({ timeout: 90_000 });
  }

  /** Every element of the view's document: none carries an event handler or a javascript: URL, no script but ours. */
  async function assertNoLiveMarkup(): Promise<void> {
    const found = await frame().locator('html').evaluate((root) => {
      const bad: string[] = [];
      for (const node of Array.from((root as unknown as DomElement).querySelectorAll('*'))) {
        for (const attr of Array.from(node.attributes)) {
          if (/^on/i.test(attr.name) || /^\s*javascript:/i.test(attr.value)) bad.push(`${node.tagName} ${attr.name}`);
        }
        // VS Code's own acquireVsCodeApi script is injected by the webview host, outside our page's markup.
        if (node.tagName === 'SCRIPT' && !node.hasAttribute('nonce') && node.id !== '_vscodeApiScript') bad.push('SCRIPT without nonce');
        if (node.tagName === 'IMG' && !node.classList.contains('image-body')) bad.push('IMG');
        if (node.tagName === 'A') bad.push('A');
      }
      return bad;
    });
    assert.deepEqual(found, [], 'no server markup became live elements');
  }

  it('hostile status text, headers, cookies and a JSON body appear as literal text, and nothing runs', async () => {
    await openAttackFile();
    await send(0);
    assert.ok((await text('.server-text')).includes("<script>fetch('http://127.0.0.1:"), 'status text literal');
    assert.ok((await text('.server-text')).includes('</div></body>'), 'closing tags literal');
    const body = await text('.body-view');
    for (const piece of ['<img src=x onerror=', '<script>fetch(', '<a href=\\"javascript:fetch(', '</div></body></html>', `${BIDI}txt.exe`]) {
      assert.ok(body.includes(piece), `body shows ${JSON.stringify(piece)} literally`);
    }
    await tab('Headers');
    assert.ok((await text('.tab-headers')).includes(`" onmouseover="fetch('http://127.0.0.1:`), 'header value literal');
    await tab('Cookies');
    const cookies = await text('.tab-cookies');
    assert.ok(cookies.includes('<img src') && cookies.includes('hit?cookie>=<script>fetch(1)</script>'), 'cookie name and value literal');
    await assertNoLiveMarkup();
    await workbench.screenshot('ui-10-attack-cookies');
  });

  it('a hostile plain-text body and URL show literally in Body and Request; bidi controls stay in the text', async () => {
    await send(1);
    await tab('Body');
    const body = await text('.body-view');
    assert.ok(body.includes('<a href="javascript:fetch('), body.slice(0, 200));
    assert.ok(body.includes(`${BIDI}txt.exe`));
    assert.ok(body.includes("q=<script>fetch('/hit?url')</script>"), 'the URL the server saw, echoed, is text');
    await tab('Request');
    assert.match(await text('.tab-request pre.request-line'), /^GET http:\/\/127\.0\.0\.1:\d+\/text\?q=/);
    await assertNoLiveMarkup();
    await workbench.screenshot('ui-11-attack-text-url');
  });

  it('every response renders on a page whose CSP forbids inline script and whose one script runs under its nonce', async () => {
    const responses = [await send(0), await send(1), await send(0)];
    const nonce = (csp: string): string => /script-src 'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
    for (const shown of responses) {
      assert.match(shown.csp, /default-src 'none'/);
      assert.doesNotMatch(shown.csp, /unsafe-inline|unsafe-eval/);
      assert.deepEqual(shown.csp.split(';').map((d) => d.trim()).filter((d) => d.startsWith('script-src')), [`script-src 'nonce-${nonce(shown.csp)}'`]);
      assert.match(nonce(shown.csp), /^[A-Za-z0-9+/=]{24}$/, '18 random bytes in base64');
      assert.equal(shown.scriptNonce, nonce(shown.csp), 'the one script runs under the page\'s nonce');
    }
    assert.equal(await page().locator('.tabs-container .tab', { hasText: '200 evil json' }).count(), 1, 'one panel, reused in place');
    await assertNoLiveMarkup();
  });

  it('after all of it the loopback /hit endpoint was never called', async () => {
    await page().waitForTimeout(2_000);
    assert.deepEqual(hits, []);
  });

  for (const [n, theme, file] of [
    [12, 'Default Light Modern', 'light'],
    [14, 'Default Dark Modern', 'dark'],
    [16, 'Default High Contrast', 'high-contrast'],
  ] as const) {
    it(`long header values, cookie values and URLs wrap in every tab, theme ${theme}`, async () => {
      setTheme(theme);
      await page().locator(`.monaco-workbench.${file === 'light' ? 'vs' : file === 'dark' ? 'vs-dark' : 'hc-black'}`).waitFor({ timeout: 20_000 });
      await send(2);
      const viewWidth = await frame().locator('body').evaluate((b) => b.clientWidth);
      await tab('Cookies');
      const expiry = frame().locator('.tab-cookies .cookie-meta span', { hasText: 'expires' }).first();
      const lineHeight = (await frame().locator('.tab-cookies .cookie-meta span', { hasText: 'session' }).first().boundingBox())?.height ?? 0;
      const box = await expiry.boundingBox();
      assert.ok(box && lineHeight > 0 && box.height <= lineHeight + 1, `the expiry stays on one line (height ${box?.height}, line ${lineHeight})`);
      const value = await frame().locator('.tab-cookies .cookie-value', { hasText: 'vvvv' }).last().boundingBox();
      assert.ok(value && value.width > viewWidth * 0.5, `the long value gets most of the width (${value?.width} of ${viewWidth})`);
      assert.equal(await frame().locator('body').evaluate((b) => b.scrollWidth <= b.clientWidth + 1), true, 'no horizontal overflow in Cookies');
      await showSessions();
      await workbench.screenshot(`ui-${n}-${file}-cookies`);
      for (const name of ['Headers', 'Request', 'Body']) {
        await tab(name);
        const fits = await frame().locator('body').evaluate((b) => b.scrollWidth <= b.clientWidth + 1);
        assert.ok(fits, `no horizontal overflow in ${name} (view ${viewWidth}px)`);
      }
      await workbench.screenshot(`ui-${n + 1}-${file}-body`);
    });
  }

  async function showSessions(): Promise<void> {
    const icon = page().locator('.activitybar [aria-label^="HTTP Session"]').first();
    const pane = page().locator('.part.sidebar', { hasText: 'HTTP Session' });
    if (!(await pane.isVisible())) await icon.click();
    await pane.locator('.monaco-list-row', { hasText: 'longvalue' }).first().waitFor({ timeout: 10_000 }).catch(async () => {
      await pane.locator('.monaco-list-row', { hasText: '127.0.0.1' }).first().click();
    });
  }
});
