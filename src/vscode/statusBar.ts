import * as vscode from 'vscode';
import type { SessionStore } from '../core/session/sessionStore';
import { DEFAULT_SESSION } from '../core/session/sessionStore';
import type { RequestActivity } from './request/requestActivity';
import { RunOnceScheduler } from './runOnceScheduler';

/** Quiet time before the status bar item follows a change, in ms. */
const STATUS_DELAY_MS = 50;

/**
 * The status bar item: "$(key) 3 cookies" (cookies of the default session) that reveals the session tree;
 * "$(sync~spin) Sending…" while requests run, and a click then cancels them.
 */
export function registerStatusBar(context: vscode.ExtensionContext, store: SessionStore, activity: RequestActivity): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('httpSession.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'HTTP Session';
  let shown = '';
  // Each property set is a message to the workbench: only a change is sent.
  const apply = (text: string, tooltip: string, command: string): void => {
    const key = `${text}\n${tooltip}\n${command}`;
    if (key === shown) return;
    shown = key;
    item.text = text;
    item.tooltip = tooltip;
    item.command = command;
    item.show();
  };
  const update = (): void => {
    const running = activity.labels;
    if (running.length) {
      apply(running.length > 1 ? `$(sync~spin) Sending ${running.length}…` : '$(sync~spin) Sending…', `Sending: ${running.join(', ')}\nClick to cancel.`, 'httpSession.cancelRequest');
      return;
    }
    const cookies = store.get(DEFAULT_SESSION).listCookies().length;
    apply(`$(key) ${cookies} cookie${cookies === 1 ? '' : 's'}`, ['HTTP Session: cookies of the default session', ...store.names().map((name) => {
      const session = store.get(name);
      return `${name}: ${session.listCookies().length} cookies, ${session.defaultHeaders.list().length} default headers`;
    }), 'Click to show the sessions.'].join('\n'), 'httpSession.sessions.focus');
  };
  // At most one update per 50 ms with the latest state: Send All's 600 starts and ends are not 600 updates.
  const scheduled = new RunOnceScheduler(update, STATUS_DELAY_MS);
  context.subscriptions.push(item, scheduled, activity.onDidChange(() => scheduled.ensureScheduled()), store.onDidChange(() => scheduled.ensureScheduled()));
  update();
  return item;
}
