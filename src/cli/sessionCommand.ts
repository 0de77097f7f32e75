import { access } from 'node:fs/promises';
import { loadSessionFile, saveSessionFile } from '../core/session/sessionFile';
import type { SessionStore } from '../core/session/sessionStore';
import type { CliIo } from './cliIo';
import { secretMask } from './outputSecrets';
import type { SecretMask } from './outputSecrets';
import { parseCommandArgs } from './parseCommandArgs';
import { printSessions, sessionsJson } from './printSessions';
import { SESSION_USAGE } from './usage';
import { EXIT, UsageError } from './usageError';

/** `http-session session show|clear --session PATH`: lists or empties the sessions of a session file. */
export async function sessionCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    session: { type: 'string', short: 's' },
    name: { type: 'string' },
    json: { type: 'boolean' },
    'show-secrets': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  }, SESSION_USAGE);
  if (values.help) {
    io.out(SESSION_USAGE);
    return EXIT.ok;
  }
  const [action, ...extra] = positionals;
  if (action !== 'show' && action !== 'clear') {
    throw new UsageError(action === undefined ? 'session needs show or clear' : `unknown session command '${action}'`, SESSION_USAGE);
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`, SESSION_USAGE);
  const path = values.session;
  if (typeof path !== 'string' || path === '') throw new UsageError(`session ${action} needs --session PATH`, SESSION_USAGE);
  const loaded = await loadSessionFile(path);
  for (const warning of loaded.warnings) io.err(io.style('yellow', `warning: ${warning}`));
  try {
    return action === 'show'
      ? await show(loaded.store, path, values.json === true, secretMask(values['show-secrets'] === true), io)
      : await clear(loaded.store, path, typeof values.name === 'string' ? values.name : undefined, io);
  } finally {
    await loaded.store.close();
  }
}

async function show(store: SessionStore, path: string, json: boolean, mask: SecretMask, io: CliIo): Promise<number> {
  if (json) io.out(JSON.stringify(sessionsJson(store, path, mask)));
  else {
    if (!(await exists(path))) io.err(io.style('dim', `(${path} does not exist yet: nothing has been saved there)`));
    printSessions(store, path, io, mask);
  }
  return EXIT.ok;
}

async function clear(store: SessionStore, path: string, name: string | undefined, io: CliIo): Promise<number> {
  if (name !== undefined && !store.names().includes(name)) {
    throw new UsageError(`${path} has no session named '${name}' (sessions: ${store.names().join(', ')})`, SESSION_USAGE);
  }
  await store.clear(name);
  await saveSessionFile(path, store);
  io.out(name === undefined ? `Cleared every session in ${path}.` : `Cleared session '${name}' in ${path}.`);
  return EXIT.ok;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
