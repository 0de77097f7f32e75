import * as http from 'node:http';
import * as net from 'node:net';
import { listenTestServer, type TestServer } from './startServer';

/** A loopback forward proxy; `requests` records what clients asked it (absolute URLs, or CONNECT host:port). */
export type ForwardProxy = TestServer;

/**
 * Starts a tiny forward proxy on 127.0.0.1, port 0: plain-http requests in absolute form are
 * forwarded to their target; CONNECT opens a TCP tunnel (for https). Only loopback targets are used in tests.
 */
export async function startForwardProxy(): Promise<ForwardProxy> {
  const tunnels = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const target = new URL(req.url ?? '');
    const upstream = http.request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
      answer.pipe(res);
    });
    upstream.on('error', (err) => { res.writeHead(502).end(`proxy: ${err.message}`); });
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      tunnels.add(socket);
      socket.on('error', () => { client.destroy(); upstream.destroy(); });
      socket.on('close', () => tunnels.delete(socket));
    }
  });
  const base = await listenTestServer(server, 'http', '127.0.0.1');
  server.on('connect', (req: http.IncomingMessage) => {
    base.requests.push({ method: 'CONNECT', url: req.url ?? '', headers: [] });
  });
  const closeBase = base.close;
  return Object.assign(base, {
    close: async () => {
      for (const socket of tunnels) socket.destroy();
      await closeBase();
    },
  });
}
