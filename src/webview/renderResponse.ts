import { formatBytes } from '../shared/formatBytes';
import type { ErrorModel, ResponseModel, ViewAction } from '../shared/protocol';
import { BodyView } from './bodyView';
import { cookiesTab, headersTab, hopsView, timingTab } from './detailTabs';
import { button, el, formatMs } from './dom';
import { statusClass, statusWords } from './statusWords';
import { testsSummary, testsTab } from './testsTab';

/** Tab names, in display order. */
export const TABS = ['Body', 'Tests', 'Headers', 'Cookies', 'Request', 'Timing'] as const;
/** One of TABS. */
export type TabName = (typeof TABS)[number];

/** What the rendered response needs from the page. */
export interface RenderHost {
  act(action: ViewAction): void;
  moreBody(id: number, offset: number): void;
  tab: TabName;
  onTab(tab: TabName): void;
}

/** Renders a response; returns the root and its body view (which receives later chunks). */
export function renderResponse(model: ResponseModel, host: RenderHost): { root: HTMLElement; body: BodyView } {
  const status = el('span', `status ${statusClass(model.status)}`, `${model.status} ${statusWords(model.status, model.statusText)}`);
  status.id = 'status';
  const serverText = model.statusText && model.statusText !== statusWords(model.status, model.statusText)
    ? el('span', 'meta server-text', `(server: ${model.statusText})`) : undefined;
  const version = el('span', 'meta http-version', `HTTP/${model.httpVersion}`);
  version.id = 'http-version';
  const summary = el('div', 'summary',
    status, serverText, version,
    el('span', 'meta', formatMs(model.durationMs)),
    el('span', 'meta', formatBytes(model.size)),
    testsSummary(model.tests),
    el('span', 'label', model.label));
  const toolbar = el('div', 'toolbar',
    button('Copy Body', () => host.act('copyBody')),
    button('Save Body…', () => host.act('saveBody')),
    button('Open in Editor', () => host.act('openInEditor')),
    button('Copy as cURL', () => host.act('copyCurl')));
  const body = new BodyView(model, {
    openInEditor: () => host.act('openInEditor'),
    saveBody: () => host.act('saveBody'),
    moreBody: (offset) => host.moreBody(model.id, offset),
  });
  const panels: Record<TabName, () => HTMLElement> = {
    Body: () => body.element,
    Tests: () => testsTab(model.tests),
    Headers: () => headersTab(model),
    Cookies: () => cookiesTab(model),
    Request: () => hopsView(model.hops),
    Timing: () => timingTab(model),
  };
  const warnings = model.warnings.map((w) => el('p', 'notice', w));
  const shown = TABS.filter((name) => name !== 'Tests' || model.tests.show);
  const root = el('div', 'response', summary, ...warnings, toolbar, tabs(panels, shown, host));
  return { root, body };
}

function tabs(panels: Record<TabName, () => HTMLElement>, shown: readonly TabName[], host: RenderHost): HTMLElement {
  const bar = el('div', 'tabs');
  bar.setAttribute('role', 'tablist');
  const content = el('div', 'tab-content');
  const built = new Map<TabName, HTMLElement>();
  const selectQuietly = (name: TabName): void => {
    for (const b of bar.children) b.setAttribute('aria-selected', String(b.textContent === name));
    let panel = built.get(name);
    if (!panel) built.set(name, (panel = panels[name]()));
    content.replaceChildren(panel);
  };
  const select = (name: TabName): void => {
    host.onTab(name);
    selectQuietly(name);
  };
  for (const name of shown) {
    const b = button(name, () => select(name), 'tab');
    b.setAttribute('role', 'tab');
    b.dataset.tab = name;
    bar.append(b);
  }
  // A remembered Tests tab falls back to Body for a response without tests, without forgetting the choice.
  if (shown.includes(host.tab)) select(host.tab);
  else selectQuietly('Body');
  return el('div', undefined, bar, content);
}

/** Renders a failed request: the code and message, then the request as it was attempted. */
export function renderError(model: ErrorModel): HTMLElement {
  const status = el('span', 'status server-error', `Error: ${model.code}`);
  status.id = 'status';
  const timing = model.durationMs !== undefined && el('span', 'meta', formatMs(model.durationMs));
  return el('div', 'response error',
    el('div', 'summary', status, timing, testsSummary(model.tests), el('span', 'label', model.label)),
    el('p', 'error-message', model.message),
    ...model.warnings.map((w) => el('p', 'notice', w)),
    model.tests.show && el('h3', undefined, 'Tests'),
    model.tests.show && testsTab(model.tests),
    el('h3', undefined, 'The request as attempted'),
    hopsView(model.hops));
}

/** The "Sending…" state with a spinner and Cancel. */
export function renderSending(label: string, method: string, url: string, cancel: () => void): HTMLElement {
  const status = el('span', 'status sending', 'Sending…');
  status.id = 'status';
  return el('div', 'response sending',
    el('div', 'summary', el('span', 'spinner'), status, el('span', 'label', label)),
    el('pre', 'request-line', `${method} ${url}`),
    button('Cancel', cancel));
}
