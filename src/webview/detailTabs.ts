import { cookieExpiry } from '../shared/cookieText';
import { formatBytes } from '../shared/formatBytes';
import type { CookieRow, HopView, ResponseModel } from '../shared/protocol';
import { el, formatMs, pairTable } from './dom';
import { statusWords } from './statusWords';

/** The Headers tab: response headers in wire order, repeats kept. */
export function headersTab(model: ResponseModel): HTMLElement {
  return el('div', 'tab-headers', pairTable(model.headers, 'No headers.'));
}

function cookieTable(rows: CookieRow[], emptyText: string): HTMLElement {
  if (rows.length === 0) return el('p', 'empty', emptyText);
  const body = el('tbody');
  for (const c of rows) {
    // Domain, expiry and flags go on a line under the value, each piece unbreakable: beside a long value
    // they would either squeeze it to one character per line or be squeezed themselves.
    const meta = c.domain === undefined ? undefined : el('div', 'cookie-meta',
      el('span', undefined, [c.domain, c.path].filter(Boolean).join(' ')),
      el('span', 'nowrap', cookieExpiry(c)),
      c.flags ? el('span', 'nowrap', c.flags) : undefined);
    body.append(el('tr', undefined, el('th', undefined, c.name), el('td', undefined, el('div', 'cookie-value', c.value), meta)));
  }
  return el('table', 'pairs cookies', body);
}

/** The Cookies tab: sent with the request, received and stored, and rejected with the reason. */
export function cookiesTab(model: ResponseModel): HTMLElement {
  const rejected = el('tbody');
  for (const r of model.cookiesRejected) {
    rejected.append(el('tr', undefined, el('th', undefined, r.header), el('td', undefined, r.reason), el('td', 'meta', r.url)));
  }
  return el('div', 'tab-cookies',
    el('h3', undefined, `Sent (${model.cookiesSent.length})`),
    cookieTable(model.cookiesSent, 'No cookies were sent.'),
    el('h3', undefined, `Received (${model.cookiesStored.length})`),
    cookieTable(model.cookiesStored, 'No cookies were stored.'),
    el('h3', undefined, `Rejected (${model.cookiesRejected.length})`),
    model.cookiesRejected.length ? el('table', 'pairs rejected', rejected) : el('p', 'empty', 'No cookie was rejected.'));
}

/** Every hop: the request exactly as sent, then the status and headers that came back. */
export function hopsView(hops: HopView[]): HTMLElement {
  const root = el('div', 'tab-request');
  hops.forEach((hop, index) => {
    const section = el('section', 'hop');
    if (hops.length > 1) section.append(el('h3', undefined, `Hop ${index + 1} of ${hops.length}`));
    section.append(el('pre', 'request-line', `${hop.method} ${hop.url}`), pairTable(hop.headers, 'No headers were sent.'));
    if (hop.bodySize > 0) {
      const more = hop.bodySize > hop.bodyPreview.length ? `\n… ${formatBytes(hop.bodySize)} in all` : '';
      section.append(el('pre', 'code raw', hop.bodyPreview + more));
    }
    if (hop.status > 0) {
      section.append(el('p', 'hop-status', `→ ${hop.status} ${statusWords(hop.status, hop.statusText)}`), pairTable(hop.responseHeaders, 'No headers.'));
    }
    root.append(section);
  });
  return root;
}

/** The Timing tab: total, time to headers, body read, each try of a retried request, with bars to scale. */
export function timingTab(model: ResponseModel): HTMLElement {
  const total = Math.max(model.durationMs, 1);
  const row = (name: string, ms: number | undefined): HTMLElement => {
    const bar = el('div', 'bar');
    bar.style.width = `${Math.min(100, ((ms ?? 0) / total) * 100)}%`;
    return el('div', 'timing-row', el('span', 'timing-name', name), el('span', 'timing-value', formatMs(ms)), el('div', 'bar-track', bar));
  };
  return el('div', 'tab-timing',
    row('Total', model.durationMs),
    row('Until headers', model.headersMs),
    row('Reading body', model.bodyMs),
    ...(model.tries ?? []).flatMap((t, i) => [
      ...(t.waitedMs > 0 ? [row(`Waited before try ${i + 1}`, t.waitedMs)] : []),
      row(`Try ${i + 1} (${t.outcome})`, t.ms),
    ]),
    el('p', 'meta', model.hops.length > 1 ? `${model.hops.length} hops (redirects followed, challenges answered or tries).` : ''));
}
