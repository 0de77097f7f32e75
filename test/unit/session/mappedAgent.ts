import { Agent, buildConnector } from 'undici';
import type { DispatcherFactory } from '../../../src/core/session/session';

/** Where a `host:port` of a URL really connects: e.g. `home.example.org:8888` → `127.0.0.1:41234`. */
export type Routes = Record<string, { host: string; port: number }>;

/**
 * A session DispatcherFactory whose real undici Agent connects URLs of made-up hosts and ports to loopback
 * servers, so the jar and the Host header see the real URL (like an /etc/hosts entry plus a port forward).
 * Unlisted targets connect as usual. `ca` trusts a test certificate.
 */
export function mappedAgent(routes: Routes, ca?: string): DispatcherFactory {
  return ({ rejectUnauthorized }) => {
    const base = buildConnector({ rejectUnauthorized, ...(ca ? { ca } : {}) });
    return new Agent({
      connect: (options, callback) => {
        const port = options.port || (options.protocol === 'https:' ? '443' : '80');
        const target = routes[`${options.hostname}:${port}`];
        if (!target) return base(options, callback);
        return base({ ...options, hostname: target.host, port: String(target.port), servername: options.servername ?? options.hostname }, callback);
      },
    });
  };
}
