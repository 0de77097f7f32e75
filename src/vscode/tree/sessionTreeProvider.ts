import * as vscode from 'vscode';
import type { SessionStore } from '../../core/session/sessionStore';
import { Disposable } from '../disposable';
import { RunOnceScheduler } from '../runOnceScheduler';
import type { SessionTreeNode } from './sessionTreeNode';
import { cookieDomain, sessionSummary } from './sessionTreeNode';
import { groupOf, groupRow, holdsNothing, visibleGroups } from './sessionTreeGroups';
import { leafRow } from './leafRows';
import type { LeafKind } from './leafRows';
import { treeItem } from './treeRow';

/** Quiet time after a session change before the tree refreshes, in ms: a burst of responses is one refresh. */
export const TREE_REFRESH_DELAY_MS = 300;

/**
 * Sessions → their groups (SESSION_TREE_GROUPS: Cookies by domain, Default Headers, …) → entries. Refreshes
 * once a burst of store changes has settled (Send All's 300 responses rebuild it once, not 300 times).
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
      const used = names.filter((name) => !holdsNothing(this.store.get(name)));
      if (used.length === 0) return [];
      return names.filter((name) => name === 'default' || used.includes(name)).map((session) => ({ kind: 'session', session }));
    }
    const session = this.store.get(node.session);
    if (node.kind === 'session') return visibleGroups(session).map((group) => ({ kind: group.kind, session: node.session }));
    if (node.kind === 'domain') {
      return session.listCookies()
        .filter((cookie) => cookieDomain(cookie) === node.domain)
        .sort((a, b) => a.name.localeCompare(b.name) || a.path.localeCompare(b.path))
        .map((cookie) => ({ kind: 'cookie', session: node.session, cookie }));
    }
    return groupOf(node.kind)?.children(session, node.session) ?? [];
  }

  getTreeItem(node: SessionTreeNode): vscode.TreeItem {
    const item = this.buildItem(node);
    item.contextValue = `httpSession.${node.kind}`;
    return item;
  }

  private buildItem(node: SessionTreeNode): vscode.TreeItem {
    const session = this.store.get(node.session);
    if (node.kind === 'session') {
      return treeItem(node.session, {
        label: node.session, id: '', icon: 'account', expanded: true,
        description: sessionSummary(session.listCookies(), session.defaultHeaders.list().length),
      });
    }
    const group = groupOf(node.kind);
    if (group) return treeItem(node.session, groupRow(group, session));
    return treeItem(node.session, leafRow(node as Extract<SessionTreeNode, { kind: LeafKind }>, session));
  }
}
