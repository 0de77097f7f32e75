import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

describe('script sandbox in a bundle', () => {
  it('runs from an esbuild CommonJS bundle (as dist/cli.js and dist/extension.js are built) with quickjs.wasm beside it', async function () {
    this.timeout(60000);
    const shared = '../../../scripts/esbuildNode.mjs';
    const { nodeBundle } = (await import(shared)) as { nodeBundle: object };
    const dir = mkdtempSync(join(tmpdir(), 'http-session-bundle-'));
    try {
      const entry = join(dir, 'entry.ts');
      const runScript = join(__dirname, '../../../src/core/scripts/runScript').replace(/\\/g, '/');
      writeFileSync(entry, `import { runScript } from '${runScript}';
runScript({ code: 'client.log(1 + 1)', start: { file: 'a.http', line: 0, column: 0 } }, {
  kind: 'pre-request', request: { method: 'GET', rawUrl: '', url: '', rawBody: '', body: '', headers: [] },
  environment: {}, requestVariables: new Map(),
  globals: { get: () => undefined, set() {}, delete() {}, clear() {}, size: () => 0, entries: () => [] },
}).then((run) => process.stdout.write(JSON.stringify(run.failure ?? run.logs)));\n`);
      buildSync({ entryPoints: [entry], ...nodeBundle, bundle: true, outfile: join(dir, 'out', 'bundle.js'), logLevel: 'silent' });
      copyFileSync(require.resolve('@jitl/quickjs-wasmfile-release-sync/wasm'), join(dir, 'out', 'quickjs.wasm'));
      // Run from elsewhere with no node_modules in reach: only the bundle and the .wasm beside it.
      const out = execFileSync(process.execPath, [join(dir, 'out', 'bundle.js')], { cwd: tmpdir(), encoding: 'utf8', timeout: 30000 });
      assert.equal(out, '["2"]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
