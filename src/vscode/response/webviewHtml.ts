import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/**
 * The response view's page: a strict CSP with a fresh nonce (made anew for every page), the bundled script
 * and stylesheet only, no inline script or style. `data:` images are allowed for image responses; no network
 * access at all. The page holds no response data (that arrives by message); `page` numbers it so the host can
 * tell its `ready` from a replaced page's.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: number): string {
  const joinPath = vscode.Uri.joinPath;
  const nonce = randomBytes(18).toString('base64');
  const script = webview.asWebviewUri(joinPath(extensionUri, 'dist', 'webview', 'main.js'));
  const style = webview.asWebviewUri(joinPath(extensionUri, 'dist', 'webview', 'main.css'));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
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
<link rel="stylesheet" href="${style}">
<title>Response</title>
</head>
<body>
<div id="app" data-page="${page}" aria-live="polite"><p class="idle">Send a request to see its response here.</p></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
