import * as path from 'node:path';

/** Repository root (absolute). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Git-ignored cache for the test launcher: Node 24, code-server, XDG dirs, run folders. */
export const CACHE_DIR = path.join(REPO_ROOT, '.vscode-test');
/** code-server version used as "real VS Code" here (4.139.1 = Code 1.139.1). */
export const CODE_SERVER_VERSION = '4.139.1';
/** Node major that code-server 4.139.1 requires. */
export const NODE_MAJOR = '24';
/** Folder holding the npm `node@24` install. */
export const NODE24_DIR = path.join(CACHE_DIR, 'node24');
/** Folder holding the npm `code-server` install. */
export const CODE_SERVER_DIR = path.join(CACHE_DIR, 'code-server');
/** XDG base dir, so code-server, chromium and node-gyp keep out of $HOME. */
export const XDG_DIR = path.join(CACHE_DIR, 'xdg');
/** Per-run folders (user data, extensions, workspaces). */
export const RUNS_DIR = path.join(CACHE_DIR, 'runs');
/** Screenshot folder of the browser tests (git-ignored). */
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'artifacts', 'screenshots');
