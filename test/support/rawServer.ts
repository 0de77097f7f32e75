import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

/** A running raw TCP test server. */
export interface RawServer {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  port: number;
  /** Number of TCP connections accepted so far. */
  readonly connections: number;
  /** Stops listening and destroys every open socket. */
  close(): Promise<void>;
}

/**
 * Starts a node:net server on 127.0.0.1, port 0, handing each accepted socket to `onSocket`, which
 * writes whatever bytes it likes: for servers that break HTTP on purpose (see misbehave.ts).
 * Socket errors are swallowed: the client side is what the tests observe.
 */
export async function rawServer(onSocket: (socket: net.Socket) => void): Promise<RawServer> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onSocket(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get connections() { return connections; },
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

/** Calls `then` once the request head (up to the blank line) has arrived on `socket`. */
export function afterRequestHead(socket: net.Socket, then: () => void): void {
  let seen = '';
  const onData = (chunk: Buffer): void => {
    seen += chunk.toString('latin1');
    if (seen.includes('\r\n\r\n')) {
      socket.off('data', onData);
      then();
    }
  };
  socket.on('data', onData);
}
