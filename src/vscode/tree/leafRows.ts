import type { Session } from '../../core/session/session';
import { cookieExpiry } from '../../shared/cookieText';
import { digestRow, oauthTokenRow, sessionAuthRow } from './authTreeItems';
import type { SessionTreeNode } from './sessionTreeNode';
import { cookieTooltip, maskedGlobalValue, maskedHeaderValue, preview } from './sessionTreeNode';
import type { GroupKind } from './sessionTreeGroups';
import type { TreeRow } from './treeRow';

/** The kinds of node below the groups. */
export type LeafKind = Exclude<SessionTreeNode['kind'], GroupKind | 'session'>;

type RowOf = { [K in LeafKind]: (node: Extract<SessionTreeNode, { kind: K }>, session: Session) => TreeRow };

/** How each node below a group is shown, by kind. */
export const LEAF_ROWS: RowOf = {
  domain: (node) => ({ label: node.domain, id: `d/${node.domain}`, icon: 'globe', expanded: true }),
  cookie: ({ cookie }) => ({
    label: cookie.name, id: `d/${cookie.domain}/${cookie.path}/${cookie.name}`, icon: cookie.secure ? 'lock' : 'symbol-key',
    description: `${preview(cookie.value)} · ${cookieExpiry(cookie)}`, tooltip: cookieTooltip(cookie),
  }),
  header: ({ header }) => ({
    label: `${header.name}: ${maskedHeaderValue(header.name, header.value)}`, id: `h/${header.name.toLowerCase()}`, icon: 'symbol-field',
  }),
  param: (node) => ({ label: `${node.name} = ${preview(node.value)}`, id: `p/${node.name}`, icon: 'symbol-parameter' }),
  sessionAuth: (node, session) => sessionAuthRow(session),
  digest: (node, session) => digestRow(node.origin, session),
  certificate: (node) => ({
    label: node.host, id: `c/${node.host}`, icon: 'lock', description: node.source,
    tooltip: `Requests of session ${node.session} to ${node.host} send the client certificate configured in ${node.source}`,
  }),
  oauthToken: (node, session) => oauthTokenRow(node.name, session),
  global: (node) => ({
    label: `${node.name} = ${maskedGlobalValue(node.name, node.value)}`, id: `g/${node.name}`, icon: 'symbol-variable',
    tooltip: `{{${node.name}}}: a global of session ${node.session}, set by a script (client.global.set)`,
  }),
};

/** The row of a node below the groups. */
export function leafRow(node: Extract<SessionTreeNode, { kind: LeafKind }>, session: Session): TreeRow {
  return (LEAF_ROWS[node.kind] as (n: typeof node, s: Session) => TreeRow)(node, session);
}
