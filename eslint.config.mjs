// ESLint (flat config) for the TypeScript sources: the layer boundaries, no import cycles, no promise left
// unhandled, `import type` for types. Type-aware: each file is checked with its own tsconfig (the webview's
// is src/webview/tsconfig.json).
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const noVscode = (layer) => ({
  name: 'vscode',
  message: `${layer} runs without VS Code (CLI, unit tests): only src/vscode/ imports 'vscode'.`,
});

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'artifacts/**', 'examples/**'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.mjs', '.js', '.json'] })],
      // Without these import-x reads only .js files, and no-cycle never sees a TypeScript import.
      'import-x/extensions': ['.ts', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-default-export': 'error',
      'import-x/no-restricted-paths': ['error', {
        zones: [
          { target: './src/core', from: ['./src/vscode', './src/cli', './src/webview', './src/demo', './src/extension.ts'],
            message: 'src/core is the engine: it knows nothing of the editor, the CLI or the webview.' },
          { target: './src/cli', from: ['./src/vscode', './src/webview', './src/extension.ts'],
            message: 'the CLI runs without VS Code: it uses src/core only.' },
          { target: './src/webview', from: './src', except: ['./webview', './shared'],
            message: 'the webview runs in the browser: it imports only src/webview and src/shared.' },
          { target: './src/shared', from: './src', except: ['./shared'], message: 'src/shared/protocol.ts imports nothing.' },
        ],
      }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode('src/core')] }] },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode('src/cli')] }] },
  },
  {
    files: ['src/webview/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noVscode('the webview')],
        patterns: [{ group: ['node:*'], message: 'the webview runs in the browser: no Node modules.' }],
      }],
    },
  },
);
