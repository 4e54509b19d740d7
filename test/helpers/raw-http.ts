// Raw HTTP/1.1 over a TCP socket, for requests that no HTTP client library
// would send (a NUL in the request line, headers over the size limit) and
// that never reach Fastify's inject: Node's parser refuses them first.
import net from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** everything the server wrote, as latin1 */
  raw: string;
}

/** Sends `request` as is and reads until the server closes (or `timeoutMs` passes). */
export function rawRequest(port: number, request: string | Buffer, timeoutMs = 5000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', () => { /* a reset after the answer: read what came */ });
    socket.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks).toString('latin1');
      const end = raw.indexOf('\r\n\r\n');
      if (end < 0) return reject(new Error(`no complete answer: ${JSON.stringify(raw.slice(0, 200))}`));
      const [statusLine, ...lines] = raw.slice(0, end).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      const body = Buffer.from(raw.slice(end + 4), 'latin1').toString('utf8');
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body, raw });
    });
    socket.write(request);
  });
}
