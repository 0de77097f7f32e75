import { formatBytes } from '../shared/formatBytes';
import type { ResponseModel } from '../shared/protocol';
import { button, el } from './dom';
import { lazyLines } from './lazyLines';
import { arraySource, prettyJson } from './prettyJson';
import type { LineSource } from './prettyJson';
import { prettyXml } from './prettyXml';

/** Host actions the body tab offers. */
export interface BodyActions {
  openInEditor(): void;
  saveBody(): void;
  moreBody(offset: number): void;
}

/** The Body tab: pretty code, plain text in chunks, an image, or the size of a binary body. */
export class BodyView {
  readonly element = el('div', 'body-view');
  private rawText: Text | undefined;
  private received = 0;
  private moreButton: HTMLButtonElement | undefined;

  constructor(private readonly model: ResponseModel, private readonly actions: BodyActions) {
    if (model.truncated) this.notice(`The body was cut at ${formatBytes(model.size)} (setting httpSession.response.maxSize).`);
    this.render();
  }

  /** Appends a chunk of body text that arrived after the first message. */
  appendChunk(offset: number, text: string, done: boolean): void {
    if (!this.rawText || offset !== this.received) return;
    this.rawText.appendData(text);
    this.received += text.length;
    if (done || this.received >= this.model.bodyTextLength) this.moreButton?.remove();
    else if (this.moreButton) this.moreButton.disabled = false;
  }

  private render(): void {
    const { model } = this;
    switch (model.kind) {
      case 'none':
        this.element.append(el('p', 'empty', 'No body.'));
        return;
      case 'image': {
        const img = el('img', 'image-body');
        img.alt = `Image, ${formatBytes(model.size)}`;
        img.src = model.bodyStart;
        this.element.append(el('p', 'meta', `${model.contentType}, ${formatBytes(model.size)}`), img);
        return;
      }
      case 'binary':
        this.element.append(
          el('p', 'meta', `Binary body: ${formatBytes(model.size)}${model.contentType ? ` (${model.contentType})` : ''}.`),
          button('Save Body…', () => this.actions.saveBody()),
        );
        return;
      case 'html':
        this.renderHtml();
        return;
      default:
        this.renderCode();
    }
  }

  private renderCode(): void {
    const { model } = this;
    if (model.prettyOff) {
      this.notice(`The body is ${formatBytes(model.size)}: pretty-printing is off above 2 MB. Open it in an editor to search all of it.`);
      this.element.append(button('Open in Editor', () => this.actions.openInEditor()));
      this.renderRaw();
      return;
    }
    let lines: LineSource | undefined;
    if (model.kind === 'json') lines = prettyJson(model.bodyStart);
    else if (model.kind === 'xml') lines = arraySource(prettyXml(model.bodyStart));
    if (lines) this.element.append(lazyLines(lines));
    else this.renderRaw();
  }

  private renderRaw(): void {
    const { model } = this;
    this.rawText = document.createTextNode(model.bodyStart);
    this.received = model.bodyStart.length;
    this.element.append(el('pre', 'code raw', this.rawText));
    if (this.received < model.bodyTextLength) {
      const more = button('Show More', () => {
        more.disabled = true;
        this.actions.moreBody(this.received);
      });
      this.moreButton = more;
      this.element.append(more);
    }
  }

  private renderHtml(): void {
    const frameHolder = el('div', 'preview');
    const toggle = button('Preview', () => {
      if (frameHolder.firstChild) {
        frameHolder.replaceChildren();
        toggle.textContent = 'Preview';
        return;
      }
      const frame = el('iframe', 'html-preview');
      // An empty sandbox: no scripts, no forms, no top navigation, an opaque origin; the CSP inside forbids any load.
      frame.setAttribute('sandbox', '');
      frame.setAttribute('csp', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      frame.srcdoc = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">${this.model.bodyStart}`;
      frameHolder.append(frame);
      toggle.textContent = 'Hide Preview';
    });
    this.element.append(toggle, frameHolder);
    this.renderRaw();
  }

  private notice(text: string): void {
    this.element.append(el('p', 'notice', text));
  }
}
