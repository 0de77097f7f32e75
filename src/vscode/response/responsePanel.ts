import * as vscode from 'vscode';
import type { RunResult } from '../../core/runner/types';
import { isViewMessage } from '../../shared/protocol';
import type { HostMessage, ViewAction, ViewMessage } from '../../shared/protocol';
import { readEditorSettings, viewColumnOf } from '../config';
import type { LogChannel } from '../logChannel';
import { reportError } from './reportError';
import { copyBody, copyCurl, openInEditor, saveBody } from './responseActions';
import type { CurrentResponse } from './responseActions';
import { buildErrorModel, buildResponseModel, requestLabel } from './responseModel';
import { webviewHtml } from './webviewHtml';

/** Body text sent per "show more" request, in UTF-16 units (256 K): small enough that each click stays responsive. */
const CHUNK_CHARS = 256 * 1024;

/**
 * The one response panel: created beside the editor without taking focus, then reused in place.
 * Every request gets a fresh page with a fresh CSP nonce: made when it is sent (showing "Sending…"), so it
 * has loaded by the time the response comes, and it shows that one result; a result with no page of its own
 * (another result already took the page) gets a new one. The page holds no data: it says `ready` with its
 * number and gets its states by message (and later body chunks); the last state is re-sent on every `ready`.
 */
export class ResponsePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  /** Number of the current page; a `ready` from an older one (replaced while loading) is ignored. */
  private page = 0;
  private lastState: HostMessage | undefined;
  private current: CurrentResponse | undefined;
  private currentId = 0;
  /** The current page has shown a result (or there is none): the next result needs a new page. */
  private pageTaken = true;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly onCancel: () => void,
    private readonly log: LogChannel,
  ) {}

  /** The live webview panel, if open (for tests). */
  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Shows the "Sending…" state for a request on a new page, which will then show its result. */
  showSending(label: string, method: string, url: string): void {
    this.ensurePanel().title = `Sending… ${label}`;
    this.newPage({ type: 'sending', label, method, url });
  }

  /** Shows a result: the response, or the error with the request as attempted. */
  showResult(result: RunResult): void {
    const panel = this.ensurePanel();
    const id = ++this.currentId;
    const exchange = result.exchange;
    const firstRequest = exchange?.hops[0]?.request;
    if (exchange?.response && !exchange.error && !result.error) {
      const { model, bodyText } = buildResponseModel(id, result, exchange);
      this.current = { label: model.label, kind: model.kind, contentType: model.contentType, bytes: exchange.response.body, text: bodyText, firstRequest };
      panel.title = `${model.status} ${model.label}`;
      this.showOnce({ type: 'response', model });
    } else {
      const model = buildErrorModel(id, result);
      this.current = { label: model.label, kind: 'none', contentType: '', bytes: new Uint8Array(), text: '', firstRequest };
      panel.title = `Error ${requestLabel(result)}`;
      this.showOnce({ type: 'error', model });
    }
  }

  private ensurePanel(): vscode.WebviewPanel {
    if (this.panel) {
      // Stay in whatever column the user moved the panel to; never take focus.
      if (!this.panel.visible) this.panel.reveal(this.panel.viewColumn, true);
      return this.panel;
    }
    const root = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel(
      'httpSession.response',
      'Response',
      { viewColumn: viewColumnOf(readEditorSettings().viewColumn), preserveFocus: true },
      { enableScripts: true, enableFindWidget: true, retainContextWhenHidden: true, localResourceRoots: [root] },
    );
    this.panel = panel;
    this.ready = false;
    const listeners = [
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isViewMessage(message)) void this.onMessage(message);
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.ready = false;
        this.pageTaken = true;
        // They die with their panel; dispose() below disposes the panel, which lands here.
        for (const listener of listeners) listener.dispose();
      }),
    ];
    return panel;
  }

  /** Shows a result on the current page if no result has been shown there yet, else on a new page. */
  private showOnce(state: Extract<HostMessage, { type: 'response' | 'error' }>): void {
    if (this.pageTaken) this.newPage(state);
    else this.post(state);
    this.pageTaken = true;
  }

  /**
   * Makes a new page (setting the html replaces the document; VS Code keeps the old one on screen until the
   * new one has loaded) and shows `state` on it.
   */
  private newPage(state: Exclude<HostMessage, { type: 'bodyChunk' }>): void {
    const panel = this.ensurePanel();
    this.page += 1;
    this.ready = false;
    this.pageTaken = state.type !== 'sending';
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, this.page);
    this.post(state);
  }

  /**
   * Posts `state` for the current page, at once even while it loads (VS Code holds messages for a loading
   * page and hands them over when it has loaded, which spares a round trip); `ready` sends it again. The state
   * names its page, so a copy VS Code delivers to another page while pages are replaced is ignored there.
   */
  private post(state: Exclude<HostMessage, { type: 'bodyChunk' }>): void {
    this.lastState = { ...state, page: this.page };
    void this.panel?.webview.postMessage(this.lastState);
  }

  private postChunk(message: Extract<HostMessage, { type: 'bodyChunk' }>): void {
    if (this.ready) void this.panel?.webview.postMessage(message);
  }

  private async onMessage(message: ViewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        if (message.page !== undefined && message.page !== this.page) return;
        this.ready = true;
        if (this.lastState) void this.panel?.webview.postMessage(this.lastState);
        return;
      case 'moreBody':
        this.sendChunk(message.id, message.offset);
        return;
      case 'action':
        await this.runAction(message.action);
    }
  }

  private sendChunk(id: number, offset: number): void {
    if (id !== this.currentId || !this.current) return;
    const text = this.current.text.slice(offset, offset + CHUNK_CHARS);
    const done = offset + text.length >= this.current.text.length;
    this.postChunk({ type: 'bodyChunk', id, offset, text, done });
  }

  /**
   * Runs a toolbar action as the view's buttons do. `saveTo` replaces the save dialog's answer (for tests
   * and scripts). Failures are shown with "Show Log", never thrown.
   */
  async runAction(action: ViewAction, saveTo?: vscode.Uri): Promise<void> {
    if (action === 'cancel') return this.onCancel();
    const current = this.current;
    if (!current) return;
    try {
      if (action === 'copyBody') await copyBody(current);
      else if (action === 'saveBody') await saveBody(current, saveTo);
      else if (action === 'openInEditor') await openInEditor(current);
      else if (action === 'copyCurl') await copyCurl(current);
    } catch (error) {
      void reportError(this.log, error);
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
