/** Children accepted by `el`: nodes, or strings that become text nodes (never parsed as HTML). */
export type Child = Node | string | undefined | false;

/** Creates an element with classes and children; strings go in as text nodes only. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  for (const child of children) {
    if (child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** A button that runs `onClick`. */
export function button(label: string, onClick: () => void, className = 'action'): HTMLButtonElement {
  const b = el('button', className, label);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** A two-column table of name/value rows, all as text. */
export function pairTable(rows: Array<[string, string]>, emptyText: string): HTMLElement {
  if (rows.length === 0) return el('p', 'empty', emptyText);
  const body = el('tbody');
  for (const [name, value] of rows) body.append(el('tr', undefined, el('th', undefined, name), el('td', undefined, value)));
  return el('table', 'pairs', body);
}

/** Milliseconds in words: "85 ms", "1.25 s". */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
