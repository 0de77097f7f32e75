import type { RequestReport, TestRunReport } from '../../core/testing/testReport';
import type { RequestTest } from '../../core/testing/types';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1f2328}h1{font-size:1.4rem}
h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #d0d7de}.pass{color:#1a7f37}.fail{color:#cf222e}
details{margin:.4rem 0 .4rem 1rem}summary{cursor:pointer}table{border-collapse:collapse;margin:.3rem 0 .3rem 1.5rem}
td{padding:.1rem .6rem;vertical-align:top}pre{background:#f6f8fa;padding:.6rem;overflow:auto;max-height:24rem;white-space:pre-wrap}
.muted{color:#656d76}code{font-family:ui-monospace,monospace}`;

/**
 * One self-contained page for after a CI run: per file and request the status, time and each test with its
 * result and the failure's expected/actual. Everything from the files or a response is HTML-escaped, and a
 * Content-Security-Policy allows no script at all, so nothing a server sent can run when the page is opened.
 */
export function htmlReport(report: TestRunReport): string {
  const summary = `${report.passed} passed, ${report.failed} failed`;
  const files = report.files.map((f) => `<h2>${esc(f.file)}</h2>
${f.problems.map((p) => `<p class="fail">${esc(p)}</p>`).join('\n')}
${f.requests.map(requestHtml).join('\n')}`).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>HTTP Session tests: ${esc(summary)}</title><style>${STYLE}</style></head>
<body><h1>HTTP Session tests: <span class="${report.failed > 0 ? 'fail' : 'pass'}">${esc(summary)}</span></h1>
<p class="muted">Started ${esc(report.startedAt)}, ${report.ms} ms.</p>
${files}
</body></html>
`;
}

function requestHtml(r: RequestReport): string {
  const failed = r.tests.some((t) => !t.passed);
  const status = r.status === null ? 'no response' : `${r.status} ${r.statusText ?? ''}`;
  const logs = r.logs.length > 0 ? `<p>client.log:</p><pre>${esc(r.logs.map((l) => l.text).join('\n'))}</pre>` : '';
  const error = r.error ? `<p class="fail">${esc(r.error)}</p>` : '';
  const body = r.body !== undefined ? `<details><summary>Response body</summary><pre>${esc(r.body)}</pre></details>` : '';
  return `<details${failed ? ' open' : ''}><summary><span class="${failed ? 'fail' : 'pass'}">${failed ? '✘' : '✔'}</span> ${esc(r.label)} <span class="muted">— ${esc(r.method)} ${esc(r.url)} — ${esc(status)} — ${r.ms} ms</span></summary>
${error}<table>${r.tests.map(testRow).join('')}</table>${logs}${body}</details>`;
}

function testRow(t: RequestTest): string {
  const mark = t.passed ? '<span class="pass">✔</span>' : '<span class="fail">✘</span>';
  const where = `${t.location.file.split(/[\\/]/).pop() ?? ''}:${t.location.line + 1}`;
  const detail = t.passed ? '' : [t.message, t.expected !== undefined ? `expected ${t.expected}` : '', t.actual !== undefined ? `actual ${t.actual}` : ''].filter(Boolean).map((x) => esc(x ?? '')).join('<br>');
  return `<tr><td>${mark}</td><td><code>${esc(t.name)}</code></td><td class="muted">${esc(where)}</td><td>${detail}</td></tr>`;
}

/** Escapes text for HTML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
