import type { Session } from '../../core/session/session';
import type { SessionTreeNode } from './sessionTreeNode';
import { cookieDomain } from './sessionTreeNode';
import type { TreeRow } from './treeRow';

/** The kinds of node that are a group row directly under a session. */
export type GroupKind = 'cookies' | 'headers' | 'params' | 'auth' | 'certificates' | 'globals';

/** One group under a session (Cookies, Default Headers, …): its row, when it shows and what it holds. */
export interface SessionTreeGroup {
  kind: GroupKind;
  label: string;
  /** A codicon name. */
  icon: string;
  /** The description while empty; a group without one is listed only once it holds something. */
  whenEmpty?: string;
  /** How many entries it holds (its description; 0 = empty). */
  count(session: Session): number;
  /** Its child nodes, in display order. */
  children(session: Session, name: string): SessionTreeNode[];
}

/** The groups of a session, in display order. A new kind of session state is one entry here (and its leaf rows). */
export const SESSION_TREE_GROUPS: readonly SessionTreeGroup[] = [
  {
    kind: 'cookies', label: 'Cookies', icon: 'database', whenEmpty: 'none yet',
    count: (s) => s.listCookies().length,
    children: (s, session) => [...new Set(s.listCookies().map(cookieDomain))].sort().map((domain) => ({ kind: 'domain', session, domain })),
  },
  {
    kind: 'headers', label: 'Default Headers', icon: 'list-flat', whenEmpty: 'none',
    count: (s) => s.defaultHeaders.list().length,
    children: (s, session) => s.defaultHeaders.list().map((header) => ({ kind: 'header', session, header })),
  },
  {
    kind: 'params', label: 'Default Parameters', icon: 'symbol-parameter',
    count: (s) => s.defaultParams.size,
    children: (s, session) => [...s.defaultParams].map(([name, value]) => ({ kind: 'param', session, name, value })),
  },
  {
    kind: 'auth', label: 'Auth', icon: 'shield',
    count: (s) => (s.defaultHeaders.get('authorization') === undefined ? 0 : 1) + s.oauthTokens.size + s.digestStates.size,
    children: (s, session) => [
      ...(s.defaultHeaders.get('authorization') === undefined ? [] : [{ kind: 'sessionAuth', session } as const]),
      ...[...s.oauthTokens.keys()].sort().map((name) => ({ kind: 'oauthToken', session, name }) as const),
      ...[...s.digestStates.keys()].map((origin) => ({ kind: 'digest', session, origin }) as const),
    ],
  },
  {
    kind: 'certificates', label: 'Client Certificates', icon: 'workspace-trusted',
    count: (s) => s.certificatesInUse.size,
    children: (s, session) => [...s.certificatesInUse].sort(([a], [b]) => a.localeCompare(b)).map(([host, source]) => ({ kind: 'certificate', session, host, source })),
  },
  {
    kind: 'globals', label: 'Globals', icon: 'symbol-variable',
    count: (s) => s.globals.size,
    children: (s, session) => [...s.globals].sort(([a], [b]) => a.localeCompare(b)).map(([name, value]) => ({ kind: 'global', session, name, value })),
  },
];

/** The group of `kind`, or undefined for a node that is not a group. */
export function groupOf(kind: SessionTreeNode['kind']): SessionTreeGroup | undefined {
  return SESSION_TREE_GROUPS.find((group) => group.kind === kind);
}

/** The groups of `session` that show: those that hold something, and those shown even while empty. */
export function visibleGroups(session: Session): SessionTreeGroup[] {
  return SESSION_TREE_GROUPS.filter((group) => group.whenEmpty !== undefined || group.count(session) > 0);
}

/** True when no group of `session` holds anything. */
export function holdsNothing(session: Session): boolean {
  return SESSION_TREE_GROUPS.every((group) => group.count(session) === 0);
}

/** The row of a group: its count as description, expanded while it holds something. */
export function groupRow(group: SessionTreeGroup, session: Session): TreeRow {
  const count = group.count(session);
  return { label: group.label, id: group.kind, icon: group.icon, description: count ? String(count) : group.whenEmpty, expanded: count > 0 };
}
