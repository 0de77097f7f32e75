import type { Exchange } from '../http/types';
import type { RequestBlock } from '../parser/types';
import type { Session } from '../session/session';
import { DEFAULT_SCRIPT_LIMITS } from '../scripts/types';
import type { GlobalStore, ScriptLimits, ScriptRequestView } from '../scripts/types';
import type { Resolver, VariableSources } from '../variables/types';
import { responseChecks } from './responseChecks';
import { runScripts } from './runScripts';
import type { ScriptSetting } from './runScripts';
import type { RequestChecks } from './types';

/** The session's globals as the sandbox's `client.global` store (changes notify the session's listeners). */
export function sessionGlobals(session: Session): GlobalStore {
  return {
    get: (name) => session.globals.get(name),
    set: (name, value) => session.setGlobal(name, value),
    delete: (name) => session.deleteGlobal(name),
    clear: () => session.clearGlobals(),
    size: () => session.globals.size,
    entries: () => [...session.globals],
  };
}

/** The scripts' setting for one send: the file's scope, the limits, the session's globals, the environment. */
export function scriptSetting(session: Session, sources: VariableSources, limits: ScriptLimits = DEFAULT_SCRIPT_LIMITS): ScriptSetting {
  const requestVariables = sources.requestVariables instanceof Map ? sources.requestVariables : new Map<string, string>();
  const scope = { filePath: sources.filePath, ...(sources.restricted !== undefined ? { restricted: sources.restricted } : {}), ...(sources.workspaceRoot !== undefined ? { workspaceRoot: sources.workspaceRoot } : {}) };
  const env = sources.environment;
  return {
    scope,
    limits,
    globals: sessionGlobals(session),
    environment: env,
    requestVariables,
  };
}

/** Pre-request stage: the request's `< {% %}` / `< ./file.js` scripts, before its `{{…}}` are resolved. */
export async function preRequestChecks(block: RequestBlock, setting: ScriptSetting, resolver: Resolver): Promise<RequestChecks> {
  if (!block.preRequestScripts?.length) return { tests: [], logs: [] };
  return runScripts(block.preRequestScripts, 'pre-request', setting, requestView(block, resolver));
}

/** True when `block` has response handlers or `??` lines (else its only test is the implicit "got a response"). */
export function hasResponseChecks(block: RequestBlock): boolean {
  return (block.responseHandlers?.length ?? 0) > 0 || (block.assertions?.length ?? 0) > 0;
}

/**
 * After-response stage: handlers, `??` lines, the implicit test; every declared test fails without a response.
 * The script's view of the request is built only when a handler will read it.
 */
export async function afterResponseChecks(block: RequestBlock, exchange: Exchange | undefined, setting: ScriptSetting, resolver: Resolver): Promise<RequestChecks> {
  const view = (): ScriptRequestView => {
    const shown = requestView(block, resolver);
    const sent = exchange?.hops[exchange.hops.length - 1]?.request;
    if (sent !== undefined) shown.url = sent.url;
    return shown;
  };
  return responseChecks(block, exchange, setting, view, (text, line) => resolver.expand(text, line));
}

/** What a script sees of the request: as written and as resolved (as written where it cannot be resolved yet). */
export function requestView(block: RequestBlock, resolver: Resolver): ScriptRequestView {
  const tryExpand = (text: string, line: number): string => {
    try {
      return resolver.expand(text, line);
    } catch {
      return text;
    }
  };
  const rawBody = (block.body?.parts ?? []).map((p) => (p.kind === 'text' ? p.text : `< ${p.path}`)).join('\n');
  return {
    method: block.method,
    rawUrl: block.url,
    url: tryExpand(block.url, block.requestLine),
    rawBody,
    body: block.body ? tryExpand(rawBody, block.body.startLine) : '',
    headers: block.headers.map((h) => ({ name: h.name, rawValue: h.value, value: tryExpand(h.value, h.line) })),
  };
}
