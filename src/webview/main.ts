import { isHostMessage } from '../shared/protocol';
import type { HostMessage, ViewMessage } from '../shared/protocol';
import type { BodyView } from './bodyView';
import { TABS, renderError, renderResponse, renderSending } from './renderResponse';
import type { TabName } from './renderResponse';
import './webview.css';

interface VsCodeApi {
  postMessage(message: ViewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
/** This page's number (the host makes one page, with a fresh nonce, per panel). */
const page = Number(app.dataset.page);
const saved = vscode.getState() as { tab?: string } | undefined;
let tab: TabName = TABS.find((t) => t === saved?.tab) ?? 'Body';
let body: BodyView | undefined;
let currentId = -1;

function show(message: HostMessage): void {
  // States name their page: one meant for a page this one replaced is not shown here.
  if (message.type !== 'bodyChunk' && message.page !== undefined && message.page !== page) return;
  switch (message.type) {
    case 'sending':
      app.replaceChildren(renderSending(message.label, message.method, message.url, () => vscode.postMessage({ type: 'action', action: 'cancel' })));
      return;
    case 'response': {
      currentId = message.model.id;
      const rendered = renderResponse(message.model, {
        act: (action) => vscode.postMessage({ type: 'action', action }),
        moreBody: (id, offset) => vscode.postMessage({ type: 'moreBody', id, offset }),
        tab,
        onTab: (name) => {
          tab = name;
          vscode.setState({ tab });
        },
      });
      body = rendered.body;
      app.replaceChildren(rendered.root);
      // The in-editor bench reads the latest of these to time "response arrived → status shown".
      performance.clearMarks('httpSession.responseRendered');
      performance.mark('httpSession.responseRendered');
      return;
    }
    case 'error':
      currentId = message.model.id;
      body = undefined;
      app.replaceChildren(renderError(message.model));
      return;
    case 'bodyChunk':
      if (message.id === currentId) body?.appendChunk(message.offset, message.text, message.done);
  }
}

/** The newest state not yet rendered: states that arrive within one frame replace each other (render only the latest). */
let pending: HostMessage | undefined;

function renderPending(): void {
  const message = pending;
  pending = undefined;
  if (message) show(message);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isHostMessage(event.data)) return;
  // Body chunks belong to the response already shown: appended at once, in order.
  if (event.data.type === 'bodyChunk') {
    show(event.data);
    return;
  }
  if (!pending) requestAnimationFrame(renderPending);
  pending = event.data;
});
vscode.postMessage({ type: 'ready', page });
