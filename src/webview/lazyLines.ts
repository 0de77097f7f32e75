import type { CodeLine } from './codeLine';
import type { LineSource } from './prettyJson';
import { el } from './dom';

/** Lines rendered per batch: the first batch at once, the next ones as the reader scrolls near the end. */
const BATCH = 1500;

/** Renders code lines into a `<pre>` in batches, so a large document shows at once and stays responsive. */
export function lazyLines(source: LineSource): HTMLElement {
  const pre = el('pre', 'code');
  const sentinel = el('div', 'sentinel');
  const renderBatch = (): void => {
    const fragment = document.createDocumentFragment();
    const lines = source.next(BATCH);
    for (const line of lines) fragment.append(renderLine(line));
    pre.append(fragment);
    if (lines.length === BATCH) pre.append(sentinel);
    else {
      sentinel.remove();
      observer.disconnect();
    }
  };
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) renderBatch();
  }, { rootMargin: '800px' });
  renderBatch();
  observer.observe(sentinel);
  return pre;
}

function renderLine(line: CodeLine): HTMLElement {
  const div = el('div', 'line');
  if (line.indent) div.append(document.createTextNode('  '.repeat(line.indent)));
  for (const [kind, text] of line.tokens) div.append(el('span', `t-${kind}`, text));
  return div;
}
