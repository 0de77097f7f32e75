import * as vscode from 'vscode';
import type { SessionStore } from '../../core/session/sessionStore';
import { DEFAULT_SESSION } from '../../core/session/sessionStore';
import type { SessionTreeNode } from './sessionTreeNode';
import { cookieDomain } from './sessionTreeNode';
import { looksSecret } from '../../core/variables/redactSecrets';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Input that would break a header or cookie line (CR, LF, NUL) is refused in the prompt itself. */
function noLineBreaks(value: string): string | undefined {
  return /[\r\n\0]/.test(value) ? 'Line breaks and NUL characters are not allowed.' : undefined;
}

/** Edits a global's value (a prompt, masked when the name looks secret; tests pass the value). */
async function editGlobal(store: SessionStore, node: Extract<SessionTreeNode, { kind: 'global' }>, newValue: unknown): Promise<void> {
  const value = typeof newValue === 'string' ? newValue
    : await vscode.window.showInputBox({ title: `Edit global ${node.name}`, value: node.value, password: looksSecret(node.name) });
  if (value !== undefined) store.get(node.session).setGlobal(node.name, value);
}

function sessionOf(node: SessionTreeNode | undefined): string {
  return node?.session ?? DEFAULT_SESSION;
}

/** The command handlers of the session tree, by command id. Each takes the tree node it was invoked on. */
export function sessionTreeCommands(store: SessionStore): Record<string, (node?: SessionTreeNode, ...rest: unknown[]) => unknown> {
  return {
    'httpSession.copyValue': async (node) => {
      if (node?.kind === 'cookie') await vscode.env.clipboard.writeText(node.cookie.value);
      else if (node?.kind === 'header') await vscode.env.clipboard.writeText(node.header.value);
      else if (node?.kind === 'global') await vscode.env.clipboard.writeText(node.value);
      else if (node?.kind === 'oauthToken') {
        const token = store.get(node.session).oauthTokens.get(node.name);
        if (token) await vscode.env.clipboard.writeText(token.accessToken);
      }
    },
    'httpSession.editValue': async (node, newValue?: unknown) => {
      if (node?.kind === 'global') return editGlobal(store, node, newValue);
      if (node?.kind !== 'cookie' && node?.kind !== 'header') return;
      const current = node.kind === 'cookie' ? node.cookie.value : node.header.value;
      const name = node.kind === 'cookie' ? node.cookie.name : node.header.name;
      // Tests and scripts may pass the new value; users get a prompt.
      const value = typeof newValue === 'string' ? newValue
        : await vscode.window.showInputBox({ title: `Edit ${name}`, value: current, validateInput: noLineBreaks });
      if (value === undefined || noLineBreaks(value)) return;
      const session = store.get(node.session);
      if (node.kind === 'cookie') await session.setCookie({ ...node.cookie, value });
      else session.setDefaultHeader(node.header.name, value);
    },
    'httpSession.deleteCookie': async (node) => {
      if (node?.kind !== 'cookie') return;
      await store.get(node.session).deleteCookie(node.cookie.domain, node.cookie.path, node.cookie.name);
    },
    'httpSession.deleteDomain': async (node) => {
      if (node?.kind !== 'domain') return;
      const session = store.get(node.session);
      // The jar keeps host-only and domain cookies under the same bare domain name.
      const domains = new Set(session.listCookies().filter((c) => cookieDomain(c) === node.domain).map((c) => c.domain));
      for (const domain of domains) await session.deleteDomain(domain);
    },
    'httpSession.addCookie': async (node, ...given: unknown[]) => {
      const [domainArg, nameArg, valueArg] = given.map((v) => (typeof v === 'string' ? v : undefined));
      const domain = domainArg ?? (await vscode.window.showInputBox({
        title: 'Add Cookie (1/3): domain', prompt: 'Host the cookie is sent to, e.g. localhost or api.example.com',
        value: node?.kind === 'domain' ? node.domain : '', validateInput: (v) => (/^[\w.-]+$/.test(v) ? undefined : 'A host name such as localhost.'),
      }));
      if (!domain) return;
      const name = nameArg ?? (await vscode.window.showInputBox({ title: 'Add Cookie (2/3): name', validateInput: (v) => (TOKEN.test(v) ? undefined : 'A cookie name (no spaces, = or ;).') }));
      if (!name) return;
      const value = valueArg ?? (await vscode.window.showInputBox({ title: `Add Cookie (3/3): value of ${name}`, validateInput: (v) => (/[;\r\n\0]/.test(v) ? 'No ; or line breaks.' : undefined) }));
      if (value === undefined) return;
      try {
        await store.get(sessionOf(node)).setCookie({ name, value, domain, path: '/', secure: false, httpOnly: false, hostOnly: true });
      } catch (error) {
        void vscode.window.showErrorMessage(`HTTP Session: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    // The next request that names it fetches a new one (a sign-in again for the browser and device grants).
    'httpSession.forgetToken': (node) => {
      if (node?.kind === 'oauthToken') store.get(node.session).setOAuthToken(node.name, undefined);
    },
    'httpSession.deleteGlobal': (node) => {
      if (node?.kind === 'global') store.get(node.session).deleteGlobal(node.name);
    },
    'httpSession.deleteDefaultHeader': (node) => {
      if (node?.kind === 'header') store.get(node.session).deleteDefaultHeader(node.header.name);
    },
    'httpSession.addDefaultHeader': async (node, ...given: unknown[]) => {
      const [nameArg, valueArg] = given.map((v) => (typeof v === 'string' ? v : undefined));
      const name = nameArg ?? (await vscode.window.showInputBox({ title: 'Add Default Header (1/2): name', prompt: 'Sent with every request of this session', validateInput: (v) => (TOKEN.test(v) ? undefined : 'A header name such as X-Api-Key.') }));
      if (!name || !TOKEN.test(name)) return;
      const value = valueArg ?? (await vscode.window.showInputBox({ title: `Add Default Header (2/2): value of ${name}`, password: /authorization/i.test(name), validateInput: noLineBreaks }));
      if (value === undefined || noLineBreaks(value)) return;
      store.get(sessionOf(node)).setDefaultHeader(name, value);
    },
    'httpSession.clearSession': async (node, which?: unknown) => {
      if (node?.kind === 'session') return store.clear(node.session);
      const names = store.names();
      if (typeof which === 'string') return store.clear(which === '*' ? undefined : which);
      if (names.length <= 1) return store.clear(names[0] ?? DEFAULT_SESSION);
      const all = { label: 'All Sessions', description: names.join(', '), name: undefined as string | undefined };
      const picked = await vscode.window.showQuickPick([all, ...names.map((name) => ({ label: name, description: '', name }))], { title: 'Clear Session', placeHolder: 'Which session?' });
      if (picked) await store.clear(picked.name);
      return undefined;
    },
  };
}
