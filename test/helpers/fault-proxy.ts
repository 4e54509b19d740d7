// A TCP proxy of the tests' own between a server and PostgreSQL, to inject
// network faults: `reset()` ends every connection with a TCP reset (as a
// failing switch or a restarted database host would), `freeze()` stops moving
// bytes in both directions until `thaw()` (a hung link). Listens on 127.0.0.1.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface FaultProxy {
  /** the port on 127.0.0.1 to use instead of the target's */
  port: number;
  /** a copy of `url` with host and port replaced by the proxy's */
  via(url: string): string;
  reset(): void;
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let frozen = false;
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    if (!frozen) flow(pair);
  });
  // Unpiped and paused, no byte moves: pipe() alone would resume on 'drain'.
  const flow = ([a, b]: [Socket, Socket]) => {
    a.pipe(b);
    b.pipe(a);
  };
  const stop = ([a, b]: [Socket, Socket]) => {
    a.unpipe(b);
    b.unpipe(a);
    a.pause();
    b.pause();
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    via(url: string) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    reset() {
      for (const [a, b] of pairs) {
        a.resetAndDestroy();
        b.resetAndDestroy();
      }
      pairs.clear();
    },
    freeze() {
      frozen = true;
      pairs.forEach(stop);
    },
    thaw() {
      frozen = false;
      pairs.forEach(flow);
    },
    async close() {
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
