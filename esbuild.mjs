// Builds the bundles: the extension (node, cjs, `vscode` external), the CLI (node), the webview (browser).
// Flags: --production (minify, no sourcemaps), --watch.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { nodeBundle } from './scripts/esbuildNode.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'info' };
const node = { ...common, ...nodeBundle };

const targets = [
  // Always minified (names kept): a command-line run pays for compiling the bundle on every start.
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli-main.js', minify: true, keepNames: true },
  // The command's entry: runs dist/cli-main.js from V8's code cache (src/cli/launcher.ts).
  { ...node, entryPoints: ['src/cli/launcher.ts'], outfile: 'dist/cli.js', minify: true, sourcemap: false },
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The script sandbox's worker thread, started by src/core/scripts/runIsolated.ts from beside the bundle.
  { ...node, entryPoints: ['src/core/scripts/scriptWorker.ts'], outfile: 'dist/scriptWorker.js', minify: true, keepNames: true },
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview/main.js' },
  // The integration suite, loaded by mocha inside VS Code's extension host (mocha from node_modules).
  { ...node, entryPoints: ['test/vscode/*.ts'], outdir: 'out/test/vscode', external: ['vscode', 'mocha'] },
].filter((t) => t.entryPoints.some((e) => e.includes('*') || existsSync(e)));

// A production build starts from an empty dist/ so no dev leftovers (source maps) get packaged.
if (production) rmSync('dist', { recursive: true, force: true });

// The script sandbox's QuickJS engine, read by src/core/scripts/quickjsEngine.ts from beside the bundle.
mkdirSync('dist', { recursive: true });
copyFileSync(createRequire(import.meta.url).resolve('@jitl/quickjs-wasmfile-release-sync/wasm'), 'dist/quickjs.wasm');

for (const options of targets) {
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
