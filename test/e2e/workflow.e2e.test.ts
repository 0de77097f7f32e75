// What a user clicks for the workflow features: the environment in the status bar, then a request whose
// `# @prompt` values are typed into the real input box (masked for a password-like name); a `# @note`
// request waits for the modal's Send button.
import * as assert from 'node:assert/strict';
import { startServer } from '../support/startServer';
import type { TestServer } from '../support/startServer';
import { openWorkbench, skipWithoutChromium } from './workbench';
import type { Workbench } from './workbench';

describe('browser: environment picker, # @prompt and # @note', function () {
  let target: TestServer;
  let workbench: Workbench;

  before(async function () {
    skipWithoutChromium(this);
    target = await startServer((_req, res) => { res.end('ok'); });
    workbench = await openWorkbench({
      'http-client.env.json': JSON.stringify({ $shared: { host: target.url }, demo: { who: 'demo-user' }, staging: { who: 'staging-user' } }),
      'prompt.http': [
        '### Ask first',
        '# @prompt apiPassword Your API password',
        '# @prompt ticket Ticket number',
        'GET {{host}}/ask?who={{who}}&pw={{apiPassword}}&t={{ticket}}',
        '',
        '### Wipe',
        '# @note Deletes every customer of {{who}}',
        'DELETE {{host}}/customers',
        '',
      ].join('\n'),
    });
  });

  after(async () => {
    await workbench?.close();
    await target?.close();
  });

  function statusItem(text: string) {
    return workbench.page.locator('.statusbar-item', { hasText: text });
  }

  it('shows "No Environment" in the status bar for an .http file and picks "demo" from its list', async () => {
    await workbench.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'prompt.http' }).click({ timeout: 60_000 });
    await workbench.page.locator('.monaco-editor .view-lines', { hasText: '/ask' }).waitFor({ timeout: 30_000 });
    await statusItem('No Environment').click({ timeout: 60_000 });
    const rows = workbench.page.locator('.quick-input-widget .monaco-list-row');
    await rows.filter({ hasText: 'staging' }).waitFor({ timeout: 10_000 });
    assert.deepEqual((await rows.locator('.label-name').allTextContents()).map((t) => t.trim()), ['No Environment', 'demo', 'staging']);
    await workbench.screenshot('wf-01-environment-picker');
    await rows.filter({ hasText: 'demo' }).click();
    await statusItem('demo').waitFor({ timeout: 10_000 });
    await workbench.screenshot('wf-02-environment-demo');
  });

  it('asks each # @prompt in an input box, masked for the password, and sends the typed values', async () => {
    await workbench.page.locator('.codelens-decoration a', { hasText: 'Send Request' }).first().click({ timeout: 90_000 });
    const input = workbench.page.locator('.quick-input-widget input.input');
    await workbench.page.locator('.quick-input-widget', { hasText: 'Your API password' }).waitFor({ timeout: 10_000 });
    assert.equal(await input.getAttribute('type'), 'password');
    await input.fill('s3cret pw');
    await workbench.screenshot('wf-03-prompt-masked');
    await input.press('Enter');
    await workbench.page.locator('.quick-input-widget', { hasText: 'Ticket number' }).waitFor({ timeout: 10_000 });
    assert.notEqual(await input.getAttribute('type'), 'password');
    await input.fill('T-7');
    await input.press('Enter');
    const deadline = Date.now() + 20_000;
    while (!target.requests.some((r) => r.url.startsWith('/ask')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.equal(target.requests.at(-1)?.url, '/ask?who=demo-user&pw=s3cret%20pw&t=T-7');
  });
  it('asks in a modal before a # @note request: Cancel sends nothing, Send sends it', async () => {
    const lens = workbench.page.locator('.codelens-decoration a', { hasText: 'Send Request' }).nth(1);
    const dialog = workbench.page.locator('.monaco-dialog-box');
    const sentDeletes = (): number => target.requests.filter((r) => r.method === 'DELETE').length;
    await lens.click({ timeout: 30_000 });
    await dialog.filter({ hasText: 'Deletes every customer of {{who}}' }).waitFor({ timeout: 10_000 });
    assert.match(await dialog.innerText(), /Send DELETE \{\{host\}\}\/customers\?/);
    await workbench.screenshot('wf-04-note-confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(sentDeletes(), 0, 'Cancel sent nothing');
    await lens.click({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Send' }).click({ timeout: 10_000 });
    const deadline = Date.now() + 20_000;
    while (sentDeletes() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.equal(sentDeletes(), 1);
    assert.equal(target.requests.at(-1)?.url, '/customers');
  });
});
