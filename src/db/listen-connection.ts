// One dedicated PostgreSQL connection that LISTENs on a channel (not from the
// pool: a listening session must stay open), opened again after a drop
// (1 s, 2 s, … at most 30 s by default) with a line in the log each way.
// Used by the outbox wake-up (db/outbox-wakeup.ts) and the call display's hub
// (http/display/call-hub.ts); both poll while the connection is down.
import pg from 'pg';

export interface ListenLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface ListenConnection {
  /** The connection while it is up (e.g. to send a NOTIFY on it), else null. */
  client(): pg.Client | null;
  up(): boolean;
  close(): Promise<void>;
}

export function openListenConnection(opts: {
  databaseUrl: string;
  applicationName: string;
  /** The channel to LISTEN on; null keeps a connection only to send on. */
  channel: string | null;
  /** Every notification on the channel; `own` when this connection sent it. */
  onNotification?: (n: pg.Notification, own: boolean) => void;
  /** After each (re)connect: anything may have happened while the link was down. */
  onUp?: () => void;
  logger?: ListenLogger;
  /** What the log says when the connection is lost, and when it is back. */
  lost: string;
  back: string;
  reconnectMs?: number;
  maxReconnectMs?: number;
}): ListenConnection {
  const base = opts.reconnectMs ?? 1000;
  const max = opts.maxReconnectMs ?? 30_000;
  let client: pg.Client | null = null;
  let ready = false;
  let closed = false;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;

  function connect(): void {
    if (closed) return;
    const c = new pg.Client({
      connectionString: opts.databaseUrl,
      application_name: opts.applicationName,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: 5000,
    });
    client = c;
    let dropped = false;
    const drop = (why: unknown) => {
      if (dropped) return;
      dropped = true;
      ready = false;
      if (client === c) client = null;
      c.removeAllListeners('notification');
      void c.end().catch(() => undefined);
      if (closed) return;
      const wait = Math.min(max, base * 2 ** Math.min(failures++, 10));
      opts.logger?.warn({ err: why instanceof Error ? why.message : String(why), retryInMs: wait }, opts.lost);
      retry = setTimeout(connect, wait);
      retry.unref?.();
    };
    c.on('error', drop);
    c.on('end', () => drop(new Error('connection ended')));
    c.on('notification', (n) => {
      if (n.channel !== opts.channel) return;
      opts.onNotification?.(n, n.processId === (c as unknown as { processID?: number }).processID);
    });
    c.connect()
      .then(() => (opts.channel ? c.query(`LISTEN ${opts.channel}`) : undefined))
      .then(() => {
        if (closed) return void c.end().catch(() => undefined);
        ready = true;
        if (failures > 0) opts.logger?.info({}, opts.back);
        failures = 0;
        opts.onUp?.();
      })
      .catch(drop);
  }

  connect();
  return {
    client: () => (ready ? client : null),
    up: () => ready,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      ready = false;
      await c?.end().catch(() => undefined);
    },
  };
}
