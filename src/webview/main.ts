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
/** This page's number (the host makes a new page, with a new nonce, for every request). */
const page = Number(app.dataset.page);
const saved = vscode.getState() as { tab?: string } | undefined;
let tab: TabName = TABS.find((t) => t === saved?.tab) ?? 'Body';
let body: BodyView | undefined;
let currentId = -1;
let resultShown = false;

function show(message: HostMessage): void {
  // One page per request: "Sending…", then its one result. States name their page and may come twice.
  if (message.type !== 'bodyChunk') {
    if (resultShown || (message.page !== undefined && message.page !== page)) return;
    resultShown = message.type !== 'sending';
  }
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
      // The in-editor bench reads this to time "response arrived → status shown" on a page it cannot watch beforehand.
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

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostMessage(event.data)) show(event.data);
});
vscode.postMessage({ type: 'ready', page });
