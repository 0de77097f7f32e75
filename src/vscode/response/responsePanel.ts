import * as vscode from 'vscode';
import type { RunResult } from '../../core/runner/types';
import { isViewMessage } from '../../shared/protocol';
import type { HostMessage, ViewAction, ViewMessage } from '../../shared/protocol';
import { readEditorSettings, viewColumnOf } from '../config';
import { Disposable, toDisposable } from '../disposable';
import type { LogChannel } from '../logChannel';
import { reportError } from './reportError';
import { copyBody, copyCurl, openInEditor, saveBody } from './responseActions';
import type { CurrentResponse } from './responseActions';
import { buildErrorModel, buildResponseModel, requestLabel } from './responseModel';
import { webviewHtml } from './webviewHtml';

/** The response panel's webview type (also in package.json's activation events). */
export const RESPONSE_VIEW_TYPE = 'httpSession.response';

/**
 * Least time a shown response stays before a newer state replaces it, in ms. One response after another (Send
 * All) then renders at most ~10 times a second, always the latest, instead of once per response in the
 * workbench's own thread (the page shares it); a single send, whose response replaces "Sending…", never waits.
 */
export const VIEW_PACE_MS = 100;
/** Body text sent per "show more" request, in UTF-16 units (256 K): small enough that each click stays responsive. */
const CHUNK_CHARS = 256 * 1024;

/**
 * The one response panel: created beside the editor without taking focus, then reused in place. Its page is
 * made once per panel, with a fresh CSP nonce, and holds no data: it says `ready` with its number and gets
 * every state by message ("Sending…", the response or error, later body chunks), so a response shows as soon
 * as it arrives instead of after a page load (VS Code's floor for a new webview page is ~100-150 ms here).
 * The last state is re-sent on every `ready`. Only the latest state is ever on its way: while one post is
 * being delivered, newer states replace each other and the newest follows (Send All's 300 responses never
 * queue 600 renders; the view shows the last one as soon as it arrives, or VIEW_PACE_MS after the response
 * before it, whichever is later).
 */
export class ResponsePanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** A post is being delivered; `stale` says a newer state came meanwhile. */
  private posting = false;
  private stale = false;
  private title: string | undefined;
  private pendingTitle: string | undefined;
  private ready = false;
  /** Number of the current panel's page (one page per panel); a `ready` from an older one is ignored. */
  private page = 0;
  private lastState: HostMessage | undefined;
  private current: CurrentResponse | undefined;
  private currentId = 0;
  /** When (performance.now()) the response or error now on the page was posted; 0 while "Sending…" is. */
  private resultPostedAt = 0;
  private paced: NodeJS.Timeout | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly onCancel: () => void,
    private readonly log: LogChannel,
  ) {
    super();
    this._register(toDisposable(() => {
      clearTimeout(this.paced);
      this.panel?.dispose();
    }));
  }

  /** The live webview panel, if open (for tests). */
  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Shows the "Sending…" state for a request. */
  showSending(label: string, method: string, url: string): void {
    this.ensurePanel();
    this.post({ type: 'sending', label, method, url }, `Sending… ${label}`);
  }

  /** Shows a result: the response, or the error with the request as attempted. */
  showResult(result: RunResult): void {
    this.ensurePanel();
    const id = ++this.currentId;
    const exchange = result.exchange;
    const firstRequest = exchange?.hops[0]?.request;
    if (exchange?.response && !exchange.error && !result.error) {
      const { model, bodyText } = buildResponseModel(id, result, exchange);
      this.current = { label: model.label, kind: model.kind, contentType: model.contentType, bytes: exchange.response.body, text: bodyText, firstRequest, http2: exchange.response.httpVersion === '2' };
      this.post({ type: 'response', model }, `${model.status} ${model.label}`);
    } else {
      const model = buildErrorModel(id, result);
      this.current = { label: model.label, kind: 'none', contentType: '', bytes: new Uint8Array(), text: '', firstRequest };
      this.post({ type: 'error', model }, `Error ${requestLabel(result)}`);
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
      RESPONSE_VIEW_TYPE,
      'Response',
      { viewColumn: viewColumnOf(readEditorSettings().viewColumn), preserveFocus: true },
      { enableScripts: true, enableFindWidget: true, retainContextWhenHidden: true, localResourceRoots: [root] },
    );
    this.panel = panel;
    this.page += 1;
    this.ready = false;
    this.resultPostedAt = 0;
    this.title = undefined;
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, this.page);
    const listeners = [
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isViewMessage(message)) void this.onMessage(message);
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.ready = false;
        this.posting = false;
        // They die with their panel; dispose() below disposes the panel, which lands here.
        for (const listener of listeners) listener.dispose();
      }),
    ];
    return panel;
  }

  /**
   * Keeps `state` (and the tab title that goes with it) as the page's latest and delivers it once the page is
   * ready (its `ready` sends the latest, so a page that is still loading gets it exactly once). The state
   * names its page, so one VS Code delivers to a replacing page is ignored there.
   */
  private post(state: Exclude<HostMessage, { type: 'bodyChunk' }>, title: string): void {
    this.lastState = { ...state, page: this.page };
    this.pendingTitle = title;
    this.deliver();
  }

  /** Posts the latest state unless a post is on its way; then the newest follows when that one has landed. */
  private deliver(): void {
    const panel = this.panel;
    if (!panel || !this.lastState) return;
    if (this.posting) {
      this.stale = true;
      return;
    }
    const wait = this.resultPostedAt + VIEW_PACE_MS - performance.now();
    if (this.ready && this.resultPostedAt > 0 && wait > 0) {
      this.paced ??= setTimeout(() => { this.paced = undefined; this.deliver(); }, wait);
      return;
    }
    // The tab title follows the state actually sent: one title update per post, not per state.
    if (this.pendingTitle !== undefined && this.pendingTitle !== this.title) panel.title = this.title = this.pendingTitle;
    if (!this.ready) return;
    this.posting = true;
    this.stale = false;
    const sent = this.lastState;
    this.resultPostedAt = sent.type === 'sending' ? 0 : performance.now();
    const landed = (): void => {
      this.posting = false;
      if (this.stale && this.lastState !== sent) this.deliver();
    };
    panel.webview.postMessage(sent).then(landed, landed);
  }

  private postChunk(message: Extract<HostMessage, { type: 'bodyChunk' }>): void {
    if (this.ready) void this.panel?.webview.postMessage(message);
  }

  private async onMessage(message: ViewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        if (message.page !== undefined && message.page !== this.page) return;
        this.ready = true;
        this.posting = false;
        this.deliver();
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
}
