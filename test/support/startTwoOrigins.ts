import { startServer, type TestHandler, type TestServer } from './startServer';

/** Two loopback servers that differ in host and port, for cross-origin tests. */
export interface TwoOrigins {
  /** On 127.0.0.1. */
  a: TestServer;
  /** On 127.0.0.2: another host (and port) than `a`. */
  b: TestServer;
  /** Closes both. */
  close(): Promise<void>;
}

/**
 * Starts server `a` on 127.0.0.1 and server `b` on 127.0.0.2 (both port 0); with one handler
 * both share it. Redirect tests can send `a` → `b` to cross hosts, or start a second server
 * on 127.0.0.1 to cross only the port.
 */
export async function startTwoOrigins(handlerA: TestHandler, handlerB: TestHandler = handlerA): Promise<TwoOrigins> {
  const a = await startServer(handlerA, { host: '127.0.0.1' });
  const b = await startServer(handlerB, { host: '127.0.0.2' }).catch(async (err) => {
    await a.close();
    throw err;
  });
  return { a, b, close: async () => { await Promise.all([a.close(), b.close()]); } };
}
