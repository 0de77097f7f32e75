import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

/**
 * The response view's page: a strict CSP with a fresh nonce, and the bundled script and stylesheet, inline
 * under that nonce. `data:` images are allowed for image responses; no network access at all. Every render
 * is a new page, and inline assets spare each page two resource loads (through VS Code's service worker,
 * 50-400 ms on a busy machine). The page holds no response data (that arrives by message); `page` numbers
 * it so the host can tell its `ready` from a replaced page's.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: number): string {
  const nonce = randomBytes(18).toString('base64');
  // Read on every render (26 KB, well under a millisecond): a rebuilt bundle is picked up without a restart.
  const asset = (name: string): string => readFileSync(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name).fsPath, 'utf8');
  // esbuild already escapes these; this keeps a future bundle from ever closing its own element early.
  const script = asset('main.js').replace(/<\/(script)/gi, '<\\/$1');
  const style = asset('main.css').replace(/<\/(style)/gi, '<\\/$1');
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "frame-src 'self'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${style}</style>
<title>Response</title>
</head>
<body>
<div id="app" data-page="${page}" aria-live="polite"></div>
<script nonce="${nonce}">${script}</script>
</body>
</html>`;
}
