import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OAuthInteraction } from '../../src/core/auth/oauth/oauthInteraction';
import type { RunResult } from '../../src/core/runner/types';
import { SessionStore } from '../../src/core/session/sessionStore';
import { loadEnvironments } from '../../src/core/variables/environments';
import { contextFor } from '../unit/runner/runnerSupport';
import { startOAuthServer } from './startOAuthServer';
import type { OAuthServer, OAuthServerOptions } from './startOAuthServer';

/** A request to the OAuth2 test server's `/me` carrying the token of auth configuration `name`. */
export const meRequest = (server: OAuthServer, name = 'api'): string => `GET ${server.url}/me\nAuthorization: Bearer {{$auth.token("${name}")}}\n`;

/** What the test server's `/me` answered: who the token is for and which token it was. */
export const meBody = (result: RunResult): { subject: string; tokenNumber: number } =>
  JSON.parse(Buffer.from(result.exchange?.response?.body ?? []).toString()) as { subject: string; tokenNumber: number };

/**
 * The parts of an OAuth2 test, each closed or removed after the test that made it (the hook is registered in
 * the calling `describe`): OAuth2 servers for `client`, environments read from real env files, run contexts.
 */
export function oauthFixture(client: OAuthServerOptions) {
  const servers: OAuthServer[] = [];
  const dirs: string[] = [];
  const stores: SessionStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    // A test may have closed a server itself (an unreachable token endpoint).
    await Promise.all(servers.splice(0).map((s) => s.close().catch(() => undefined)));
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  return {
    /** An OAuth2 server for the client, with `options` over it. */
    async serve(options: Partial<OAuthServerOptions> = {}): Promise<OAuthServer> {
      const server = await startOAuthServer({ ...client, ...options });
      servers.push(server);
      return server;
    },
    /** Environment `dev` of real env files: `auth` as its Security.Auth (`privateAuth` in the private file), beside `shared`. */
    async environment(auth: Record<string, unknown>, privateAuth?: Record<string, unknown>, shared: Record<string, unknown> = {}): Promise<Record<string, string>> {
      const dir = await mkdtemp(join(tmpdir(), 'oauth-env-'));
      dirs.push(dir);
      await writeFile(join(dir, 'http-client.env.json'), JSON.stringify({ dev: { ...shared, Security: { Auth: auth } } }));
      if (privateAuth) await writeFile(join(dir, 'http-client.private.env.json'), JSON.stringify({ dev: { Security: { Auth: privateAuth } } }));
      return (await loadEnvironments(dir)).resolve('dev');
    },
    /** A temporary directory (removed after the test). */
    async tempDir(prefix: string): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    /** A run context for `text` in environment `env` (its store closed after the test). */
    context(text: string, env: Record<string, string>, oauth?: OAuthInteraction, sessions = new SessionStore()): ReturnType<typeof contextFor> {
      stores.push(sessions);
      return contextFor(text, { environment: env, sessions, ...(oauth ? { oauth } : {}) });
    },
  };
}
