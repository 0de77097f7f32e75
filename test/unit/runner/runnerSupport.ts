import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseHttpFile } from '../../../src/core/parser/parseHttpFile';
import type { HttpFile, RequestBlock } from '../../../src/core/parser/types';
import { runFile } from '../../../src/core/runner/runFile';
import { runRequest } from '../../../src/core/runner/runRequest';
import { DEFAULT_ENGINE_SETTINGS } from '../../../src/core/runner/types';
import type { EngineSettings, RunContext, RunResult } from '../../../src/core/runner/types';
import { SessionStore } from '../../../src/core/session/sessionStore';

/**
 * The test app: POST /login → 200 {"token":"tok-1"} with Set-Cookie sid=s1; /unauthorized → 401;
 * /redirect?to= → 302; /delay?ms= waits; every `c=` parameter becomes a Set-Cookie; anything else → 200 `ok`.
 */
export function appHandler(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://test');
  req.resume();
  req.on('end', () => {
    for (const cookie of url.searchParams.getAll('c')) res.appendHeader('Set-Cookie', cookie);
    if (url.pathname === '/login') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': 'sid=s1; Path=/; HttpOnly' });
      res.end(JSON.stringify({ token: 'tok-1' }));
    } else if (url.pathname === '/unauthorized') {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ token: 'never' }));
    } else if (url.pathname === '/redirect') {
      res.writeHead(302, { Location: url.searchParams.get('to') ?? '/' });
      res.end();
    } else if (url.pathname === '/delay') {
      setTimeout(() => res.end('late'), Number(url.searchParams.get('ms') ?? 0));
    } else {
      res.end('ok');
    }
  });
}

/** A parsed file and a context to run it, with a fresh store unless one is given. */
export function contextFor(text: string, extra: Partial<RunContext> = {}, settings: Partial<EngineSettings> = {}): RunContext {
  const file: HttpFile = parseHttpFile(text);
  if (file.diagnostics.some((d) => d.severity === 'error')) throw new Error(`test file has errors: ${JSON.stringify(file.diagnostics)}`);
  return {
    filePath: '/tmp/runner-test/requests.http',
    file,
    sessions: new SessionStore(),
    environment: {},
    settings: { ...DEFAULT_ENGINE_SETTINGS, timeoutMs: 5_000, ...settings },
    ...extra,
  };
}

/** Runs the request called `name` (or at index) of the context's file. */
export function runNamed(ctx: RunContext, which: string | number): Promise<RunResult> {
  const block: RequestBlock | undefined = typeof which === 'number' ? ctx.file.requests[which] : ctx.file.requests.find((r) => r.name === which);
  if (!block) throw new Error(`no request ${which}`);
  return runRequest(ctx, block);
}

/** Runs every request of the context's file in order. */
export function runAll(ctx: RunContext): Promise<RunResult[]> {
  return runFile(ctx, ctx.file.requests);
}
