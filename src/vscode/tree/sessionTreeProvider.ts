import * as vscode from 'vscode';
import type { SessionStore } from '../../core/session/sessionStore';
import { Disposable } from '../disposable';
import { RunOnceScheduler } from '../runOnceScheduler';
import type { SessionTreeNode } from './sessionTreeNode';
import { cookieExpiry } from '../../shared/cookieText';
import { cookieDomain, cookieTooltip, maskedGlobalValue, maskedHeaderValue, preview, sessionSummary } from './sessionTreeNode';
import { authItem } from './authTreeItems';

const { Expanded, None } = vscode.TreeItemCollapsibleState;

/** Quiet time after a session change before the tree refreshes, in ms: a burst of responses is one refresh. */
export const TREE_REFRESH_DELAY_MS = 300;

/**
 * Sessions → Cookies by domain → cookie, Default Headers and Globals. Refreshes once a burst of store changes has
 * settled (Send All's 300 responses rebuild it once, not 300 times).
 */
export class SessionTreeProvider extends Disposable implements vscode.TreeDataProvider<SessionTreeNode> {
  private readonly changed = this._register(new vscode.EventEmitter<SessionTreeNode | undefined>());
  private readonly refresh = this._register(new RunOnceScheduler(() => this.changed.fire(undefined), TREE_REFRESH_DELAY_MS));

  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly store: SessionStore) {
    super();
    this._register(store.onDidChange(() => this.refresh.schedule()));
  }

  /** Children of `node`; the root is empty (so the welcome text shows) while no session holds anything. */
  getChildren(node?: SessionTreeNode): SessionTreeNode[] {
    if (!node) {
      const names = this.store.names();
      const used = names.filter((name) => !this.isEmpty(name));
      if (used.length === 0) return [];
      return names.filter((name) => name === 'default' || !this.isEmpty(name)).map((session) => ({ kind: 'session', session }));
    }
    const session = this.store.get(node.session);
    switch (node.kind) {
      case 'session':
        return [
          { kind: 'cookies', session: node.session },
          { kind: 'headers', session: node.session },
          // Shown only once they hold something, so a plain cookie session stays two rows.
          ...(session.defaultParams.size > 0 ? [{ kind: 'params', session: node.session } as const] : []),
          ...(session.digestStates.size > 0 ? [{ kind: 'auth', session: node.session } as const] : []),
          ...(session.globals.size > 0 ? [{ kind: 'globals', session: node.session } as const] : []),
        ];
      case 'params':
        return [...session.defaultParams].map(([name, value]) => ({ kind: 'param', session: node.session, name, value }));
      case 'globals':
        return [...session.globals].sort(([a], [b]) => a.localeCompare(b)).map(([name, value]) => ({ kind: 'global', session: node.session, name, value }));
      case 'auth':
        return [...session.digestStates.keys()].map((origin) => ({ kind: 'digest', session: node.session, origin }));
      case 'cookies':
        return [...new Set(session.listCookies().map(cookieDomain))].sort().map((domain) => ({ kind: 'domain', session: node.session, domain }));
      case 'domain':
        return session.listCookies()
          .filter((cookie) => cookieDomain(cookie) === node.domain)
          .sort((a, b) => a.name.localeCompare(b.name) || a.path.localeCompare(b.path))
          .map((cookie) => ({ kind: 'cookie', session: node.session, cookie }));
      case 'headers':
        return session.defaultHeaders.list().map((header) => ({ kind: 'header', session: node.session, header }));
      default:
        return [];
    }
  }

  getTreeItem(node: SessionTreeNode): vscode.TreeItem {
    const item = this.buildItem(node);
    item.contextValue = `httpSession.${node.kind}`;
    return item;
  }

  private buildItem(node: SessionTreeNode): vscode.TreeItem {
    const session = this.store.get(node.session);
    switch (node.kind) {
      case 'session': {
        const item = new vscode.TreeItem(node.session, Expanded);
        item.id = `s/${node.session}`;
        item.description = sessionSummary(session.listCookies(), session.defaultHeaders.list().length);
        item.iconPath = new vscode.ThemeIcon('account');
        return item;
      }
      case 'cookies': {
        const count = session.listCookies().length;
        const item = new vscode.TreeItem('Cookies', count ? Expanded : None);
        item.id = `s/${node.session}/cookies`;
        item.description = count ? String(count) : 'none yet';
        item.iconPath = new vscode.ThemeIcon('database');
        return item;
      }
      case 'domain': {
        const item = new vscode.TreeItem(node.domain, Expanded);
        item.id = `s/${node.session}/d/${node.domain}`;
        item.iconPath = new vscode.ThemeIcon('globe');
        return item;
      }
      case 'cookie': {
        const { cookie } = node;
        const item = new vscode.TreeItem(cookie.name, None);
        item.id = `s/${node.session}/d/${cookie.domain}/${cookie.path}/${cookie.name}`;
        item.description = `${preview(cookie.value)} · ${cookieExpiry(cookie)}`;
        item.tooltip = cookieTooltip(cookie);
        item.iconPath = new vscode.ThemeIcon(cookie.secure ? 'lock' : 'symbol-key');
        return item;
      }
      case 'headers': {
        const count = session.defaultHeaders.list().length;
        const item = new vscode.TreeItem('Default Headers', count ? Expanded : None);
        item.id = `s/${node.session}/headers`;
        item.description = count ? String(count) : 'none';
        item.iconPath = new vscode.ThemeIcon('list-flat');
        return item;
      }
      case 'header': {
        const { header } = node;
        const item = new vscode.TreeItem(`${header.name}: ${maskedHeaderValue(header.name, header.value)}`, None);
        item.id = `s/${node.session}/h/${header.name.toLowerCase()}`;
        item.iconPath = new vscode.ThemeIcon('symbol-field');
        return item;
      }
      case 'globals': {
        const count = session.globals.size;
        const item = new vscode.TreeItem('Globals', count ? Expanded : None);
        item.id = `s/${node.session}/globals`;
        item.description = count ? String(count) : 'none (client.global.set)';
        item.iconPath = new vscode.ThemeIcon('symbol-variable');
        return item;
      }
      case 'global': {
        const item = new vscode.TreeItem(`${node.name} = ${maskedGlobalValue(node.name, node.value)}`, None);
        item.id = `s/${node.session}/g/${node.name}`;
        item.tooltip = `{{${node.name}}}: a global of session ${node.session}, set by a script (client.global.set)`;
        item.iconPath = new vscode.ThemeIcon('symbol-variable');
        return item;
      }
      default:
        return authItem(node, session);
    }
  }

  private isEmpty(name: string): boolean {
    const session = this.store.get(name);
    return session.listCookies().length === 0 && session.defaultHeaders.list().length === 0
      && session.defaultParams.size === 0 && session.digestStates.size === 0 && session.globals.size === 0;
  }
}
