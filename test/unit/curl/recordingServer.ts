import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as it arrived, with its body (latin1 so every byte survives). */
export interface Arrived {
  method: string;
  url: string;
  /** Lower-case names; repeated values joined with ', '. */
  headers: Record<string, string>;
  body: string;
}

/** A loopback server that records each request with its body; `/login` sets the cookie `sid=s1`. */
export async function recordingServer(): Promise<{ url: string; arrived: Arrived[]; close(): Promise<void> }> {
  const arrived: Arrived[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v ?? '']));
      arrived.push({ method: req.method ?? '', url: req.url ?? '', headers, body: Buffer.concat(chunks).toString('latin1') });
      if (req.url?.startsWith('/login')) res.setHeader('Set-Cookie', 'sid=s1; Path=/; HttpOnly');
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, arrived, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}
