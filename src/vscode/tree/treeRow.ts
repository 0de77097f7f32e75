import * as vscode from 'vscode';

/** What one row of the sessions tree shows: plain data, turned into a TreeItem by `treeItem`. */
export interface TreeRow {
  label: string;
  /** The row's id below its session (`cookies`, `h/x-team`, …; '' for the session's own row): stable, so VS Code keeps expansion and selection. */
  id: string;
  /** A codicon name. */
  icon: string;
  description?: string;
  tooltip?: string;
  /** Shown expanded with children; a leaf when false or absent. */
  expanded?: boolean;
}

/** The TreeItem of `row` in session `session`. */
export function treeItem(session: string, row: TreeRow): vscode.TreeItem {
  const { Expanded, None } = vscode.TreeItemCollapsibleState;
  const item = new vscode.TreeItem(row.label, row.expanded ? Expanded : None);
  item.id = row.id ? `s/${session}/${row.id}` : `s/${session}`;
  item.iconPath = new vscode.ThemeIcon(row.icon);
  if (row.description !== undefined) item.description = row.description;
  if (row.tooltip !== undefined) item.tooltip = row.tooltip;
  return item;
}
