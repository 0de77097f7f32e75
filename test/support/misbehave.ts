import type { Socket } from 'node:net';
import { afterRequestHead } from './rawServer';

/** A rawServer socket handler. */
export type SocketBehaviour = (socket: Socket) => void;

/** Announces `Content-Length: 100000`, sends 1,000 bytes, then resets the connection (RST). */
export const resetMidBody: SocketBehaviour = (socket) => afterRequestHead(socket, () => {
  socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n');
  socket.write('x'.repeat(1000), () => setTimeout(() => socket.resetAndDestroy(), 20));
});

/** Sends a chunked body whose last chunk is cut short, then closes (FIN) without the terminating chunk. */
export const truncatedChunked: SocketBehaviour = (socket) => afterRequestHead(socket, () => {
  socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n');
  socket.end('5\r\nhello\r\n10\r\nonly-part');
});

/** Reads the request and never answers (the socket stays open until the server closes). */
export const noAnswer: SocketBehaviour = (socket) => { socket.resume(); };

/**
 * Answers 200 with `Content-Length: totalBytes` and drips one byte every `intervalMs`;
 * stops when the client goes away.
 */
export function slowDrip(totalBytes = 1000, intervalMs = 100): SocketBehaviour {
  return (socket) => afterRequestHead(socket, () => {
    socket.write(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${totalBytes}\r\n\r\n`);
    let sent = 0;
    const timer = setInterval(() => {
      if (socket.destroyed || sent >= totalBytes) { clearInterval(timer); return; }
      socket.write('.');
      sent += 1;
    }, intervalMs);
    socket.on('close', () => clearInterval(timer));
  });
}

/** Answers with a header block of about `totalBytes` bytes (many X-Filler headers), then a tiny body. */
export function enormousHeaders(totalBytes = 128 * 1024): SocketBehaviour {
  return (socket) => afterRequestHead(socket, () => {
    const line = `X-Filler: ${'a'.repeat(1000)}\r\n`;
    const count = Math.ceil(totalBytes / line.length);
    socket.end(`HTTP/1.1 200 OK\r\n${line.repeat(count)}Content-Length: 2\r\n\r\nok`);
  });
}

/** Answers with `Content-Encoding: gzip` and a body that is not gzip. */
export const invalidGzip: SocketBehaviour = (socket) => afterRequestHead(socket, () => {
  const body = 'this is certainly not gzip data';
  socket.end(`HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
});
