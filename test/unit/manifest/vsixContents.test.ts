import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

/** What the VSIX may hold: the bundles, grammar, snippets, icons and the four top-level documents. */
const ALLOWED = [
  /^package\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/,
  /^dist\/extension\.js$/, /^dist\/quickjs\.wasm$/, /^dist\/scriptWorker\.js$/, /^dist\/webview\/main\.(js|css)$/,
  /^syntaxes\/[\w.-]+\.json$/, /^snippets\/[\w.-]+\.json$/, /^media\/[\w.-]+\.(png|svg)$/,
];

describe('VSIX contents (vsce ls)', () => {
  it('lists only what the extension needs at run time, and all of it', function () {
    this.timeout(60_000);
    const vsce = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'],
      { cwd: ROOT, encoding: 'utf8', timeout: 50_000 });
    assert.equal(vsce.status, 0, vsce.stderr);
    const files = vsce.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    assert.deepEqual(files.filter((f) => !ALLOWED.some((a) => a.test(f))), [], 'files that must not ship');
    const required = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'syntaxes/http.tmLanguage.json',
      'syntaxes/language-configuration.json', 'snippets/http.json', 'media/icon.png', 'media/sessions.svg',
      // The bundles exist once `npm run build` ran (npm test builds before the unit tests).
      ...['dist/extension.js', 'dist/quickjs.wasm', 'dist/scriptWorker.js', 'dist/webview/main.js', 'dist/webview/main.css'].filter((f) => existsSync(join(ROOT, f)))];
    assert.deepEqual(required.filter((f) => !files.includes(f)), [], 'files the extension needs');
  });
});
