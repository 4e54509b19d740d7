// A lean JSON client over node:http with keep-alive (lighter on the CPU than
// fetch, which matters when the load generator shares two cores with the servers).
import http from 'node:http';

export interface JsonAnswer<T = unknown> {
  status: number;
  body: T;
  ms: number;
}

export type RequestFn = <T = unknown>(base: string, method: 'GET' | 'POST', path: string, body?: unknown) => Promise<JsonAnswer<T>>;

export function createClient(maxSockets: number): { request: RequestFn; close(): void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  function request<T = unknown>(base: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<JsonAnswer<T>> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const url = new URL(path, base);
    const t0 = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method,
          path: url.pathname + url.search,
          headers: payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {},
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = text === '' ? null : JSON.parse(text);
            } catch {
              parsed = { unparsable: text };
            }
            resolve({ status: res.statusCode ?? 0, body: parsed as T, ms: Number(process.hrtime.bigint() - t0) / 1e6 });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${method} ${path}`)));
      if (payload) req.write(payload);
      req.end();
    });
  }
  return { request, close: () => agent.destroy() };
}
