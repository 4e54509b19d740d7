// Counts requests whose handlers are still running. app.close() resolves once
// the sockets are gone, but a handler whose client already disconnected may
// still be working; closing the database under it would fail it. Shutdown
// waits for these (onSend runs for aborted requests too; onResponse does not).
import type { FastifyInstance } from 'fastify';

export function trackInFlight(app: FastifyInstance): { drain(timeoutMs?: number): Promise<void> } {
  const inflight = new Set<object>();
  app.addHook('onRequest', async (req) => {
    inflight.add(req);
  });
  app.addHook('onSend', async (req, _reply, payload) => {
    inflight.delete(req);
    return payload;
  });
  app.addHook('onResponse', async (req) => {
    inflight.delete(req);
  });
  return {
    async drain(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (inflight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    },
  };
}
