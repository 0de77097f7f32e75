// esbuild options shared by every Node bundle (dist/cli.js, dist/extension.js) and by the test that bundles
// the script sandbox the same way.
export const nodeBundle = {
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // 'module' first: UMD builds (jsonc-parser) require() their parts dynamically, which a bundle cannot follow.
  mainFields: ['module', 'main'],
  // QuickJS's loader reads import.meta.url, which is empty in a CommonJS bundle: give it the bundle's own URL.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('url').pathToFileURL(__filename).href;" },
};
