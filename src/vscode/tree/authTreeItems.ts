import * as vscode from 'vscode';
import type { Session } from '../../core/session/session';
import type { SessionTreeNode } from './sessionTreeNode';
import { preview } from './sessionTreeNode';

const { Expanded, None } = vscode.TreeItemCollapsibleState;

/** Tree items for Default Parameters (`# @session-param`) and Auth (Digest nonces per server); nonces are not shown. */
export function authItem(node: SessionTreeNode, session: Session): vscode.TreeItem {
  switch (node.kind) {
    case 'params': {
      const item = new vscode.TreeItem('Default Parameters', Expanded);
      item.id = `s/${node.session}/params`;
      item.description = String(session.defaultParams.size);
      item.iconPath = new vscode.ThemeIcon('symbol-parameter');
      return item;
    }
    case 'param': {
      const item = new vscode.TreeItem(`${node.name} = ${preview(node.value)}`, None);
      item.id = `s/${node.session}/p/${node.name}`;
      item.iconPath = new vscode.ThemeIcon('symbol-parameter');
      return item;
    }
    case 'auth': {
      const item = new vscode.TreeItem('Auth', Expanded);
      item.id = `s/${node.session}/auth`;
      item.iconPath = new vscode.ThemeIcon('shield');
      return item;
    }
    case 'digest': {
      const state = session.digestStates.get(node.origin);
      const item = new vscode.TreeItem(`Digest · ${node.origin}`, None);
      item.id = `s/${node.session}/digest/${node.origin}`;
      item.description = state ? `${state.username} · ${state.algorithm} · ${state.nc} ${state.nc === 1 ? "request" : "requests"} on this nonce` : '';
      item.tooltip = state ? `realm "${state.realm}"; the nonce is kept so the next request answers without a 401` : undefined;
      item.iconPath = new vscode.ThemeIcon('key');
      return item;
    }
    default:
      return new vscode.TreeItem('');
  }
}
