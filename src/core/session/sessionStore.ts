import type { DigestState } from '../auth/digestAnswer';
import { isOAuthToken } from '../auth/oauth/oauthToken';
import type { Disposable } from './changeEmitter';
import { ChangeEmitter } from './changeEmitter';
import { Session } from './session';
import type { DispatcherFactory, SessionJSON } from './session';
import type { NamedResponse } from './types';

/** The session file's content (see docs/session-file.md). */
export interface SessionStoreJSON {
  version: 1;
  sessions: Record<string, SessionJSON>;
}

/** The name of the session every request uses unless `# @session NAME` says otherwise. */
export const DEFAULT_SESSION = 'default';

/** All named sessions of a workspace (or a CLI run); `default` always exists. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly subscriptions = new Map<string, Disposable>();
  private readonly changes = new ChangeEmitter<Session>();
  /** How many `batch` calls are running; while any is, changes are held in `held`. */
  private batches = 0;
  private readonly held = new Set<Session>();

  /** Fires with the session that changed, or was created or cleared. */
  readonly onDidChange = this.changes.event;

  constructor(private readonly dispatcherFactory?: DispatcherFactory) {
    this.get(DEFAULT_SESSION);
  }

  /** The session called `name`, created empty on first use. */
  get(name: string): Session {
    const existing = this.sessions.get(name);
    if (existing) return existing;
    const created = new Session(name, this.dispatcherFactory);
    this.add(created);
    this.emit(created);
    return created;
  }

  /**
   * Runs `work` (one request, or a burst of them such as the editor's Send All) with change events held: when
   * the last running batch ends, each session that changed fires once, and one that did not change fires
   * nothing. The tree and the session save listen, so a request or a burst costs them at most one update.
   */
  async batch<T>(work: () => Promise<T>): Promise<T> {
    this.batches += 1;
    try {
      return await work();
    } finally {
      this.batches -= 1;
      if (this.batches === 0) this.release();
    }
  }

  /** Session names, `default` first, then in creation order. */
  names(): string[] {
    return [...this.sessions.keys()];
  }

  /** Clears one session, or every session when `name` is omitted. */
  async clear(name?: string): Promise<void> {
    const targets = name === undefined ? [...this.sessions.values()] : [this.sessions.get(name)].filter((s) => s !== undefined);
    await Promise.all(targets.map((session) => session.clear()));
  }

  /** Closes every connection pool without clearing any state (on shutdown). */
  async close(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((session) => session.closePools()));
  }

  /** The saved form of every session. */
  toJSON(): SessionStoreJSON {
    const sessions: Record<string, SessionJSON> = {};
    for (const [name, session] of this.sessions) sessions[name] = session.toJSON();
    return { version: 1, sessions };
  }

  /** Restores a store saved by toJSON. Throws when the shape is wrong (the caller moves the file aside). */
  static fromJSON(json: unknown, dispatcherFactory?: DispatcherFactory): SessionStore {
    const sessions = checkShape(json);
    const store = new SessionStore(dispatcherFactory);
    for (const [name, saved] of Object.entries(sessions)) {
      const session = Session.fromJSON(name, saved, dispatcherFactory);
      store.subscriptions.get(name)?.dispose();
      store.add(session);
    }
    return store;
  }

  private add(session: Session): void {
    this.sessions.set(session.name, session);
    this.subscriptions.set(session.name, session.onDidChange((changed) => this.emit(changed)));
  }

  private emit(session: Session): void {
    if (this.batches > 0) this.held.add(session);
    else this.changes.fire(session);
  }

  private release(): void {
    const changed = [...this.held];
    this.held.clear();
    for (const session of changed) this.changes.fire(session);
  }
}

function checkShape(json: unknown): Record<string, SessionJSON> {
  const data = json as Partial<SessionStoreJSON> | null;
  if (!data || typeof data !== 'object' || data.version !== 1) throw new Error('not a version 1 session file');
  if (!data.sessions || typeof data.sessions !== 'object') throw new Error('no "sessions" object');
  for (const [name, saved] of Object.entries(data.sessions)) {
    const ok = saved && typeof saved === 'object' && Array.isArray(saved.defaultHeaders)
      && isHeaderPairs(saved.defaultHeaders)
      && saved.namedResponses && typeof saved.namedResponses === 'object'
      && Object.values(saved.namedResponses).every(isNamedResponse)
      && saved.cookies && typeof saved.cookies === 'object' && Array.isArray(saved.cookies.cookies)
      // Files written before scripts existed have no globals: they load as a session without any.
      && (saved.globals === undefined || isStringRecord(saved.globals))
      // Digest nonces and default parameters came later still; older files have neither.
      && (saved.digest === undefined || isDigestRecord(saved.digest))
      && (saved.params === undefined || isHeaderPairs(saved.params))
      // OAuth2 tokens came after that; older files have none.
      && (saved.oauth === undefined || (isPlainObject(saved.oauth) && Object.values(saved.oauth).every(isOAuthToken)));
    if (!ok) throw new Error(`session "${name}" has a bad shape`);
  }
  return data.sessions;
}

function isDigestRecord(value: unknown): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((state: Partial<DigestState> | null) =>
    !!state && typeof state.realm === 'string' && typeof state.nonce === 'string' && typeof state.algorithm === 'string'
    && typeof state.username === 'string' && typeof state.nc === 'number');
}

function isPlainObject(value: unknown): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function isStringRecord(value: unknown): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}

function isHeaderPairs(value: unknown): boolean {
  return Array.isArray(value) && value.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every((v) => typeof v === 'string'));
}

/** A saved named response must have the shape `{{name.response.…}}` references read, or the file is corrupt. */
function isNamedResponse(value: unknown): boolean {
  const response = value as Partial<NamedResponse> | null;
  return !!response && typeof response === 'object' && typeof response.status === 'number' && isHeaderPairs(response.headers)
    && typeof response.body === 'string' && !!response.request && typeof response.request === 'object'
    && typeof response.request.url === 'string' && isHeaderPairs(response.request.headers);
}
