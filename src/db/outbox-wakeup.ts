// Wakes the outbox relays of every process at once on PostgreSQL, so a mail
// written by one instance is sent within milliseconds by whichever relay is
// free, instead of at the next poll: LISTEN/NOTIFY on the channel
// `amtszeit_outbox`, over one dedicated connection per process (not from the
// pool: a listening session must stay open).
// - notify() is called after a change that may have written mail committed
//   (after the request, not inside the booking's transaction: a NOTIFY takes a
//   database-wide lock at commit that would serialise all bookings). Calls
//   while one NOTIFY is on its way are folded into one more.
// - onWake() runs for every notification from another process, and after each
//   (re)connect (something may have been written while the link was down).
// - A dropped connection is opened again after 1 s, 2 s, … at most 30 s; polling
//   (the relay's MAIL_POLL_MS) covers the gap.
import pg from 'pg';
import type { DbLogger } from './connection.ts';

export const OUTBOX_CHANNEL = 'amtszeit_outbox';

export interface OutboxWakeup {
  /** Tells every process's relay that mail may be due (folded; never throws). */
  notify(): void;
  /** whether the LISTEN connection is up */
  listening(): boolean;
  close(): Promise<void>;
}

export function startOutboxWakeup(opts: {
  databaseUrl: string;
  /** called when another process wrote mail; omit for a process that only notifies (RELAY=off) */
  onWake?: () => void;
  logger?: DbLogger;
  reconnectMs?: number;
  maxReconnectMs?: number;
}): OutboxWakeup {
  const base = opts.reconnectMs ?? 1000;
  const max = opts.maxReconnectMs ?? 30_000;
  let client: pg.Client | null = null;
  let ready = false;
  let closed = false;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;
  let sending = false;
  let pending = false;

  function connect(): void {
    if (closed) return;
    const c = new pg.Client({
      connectionString: opts.databaseUrl,
      application_name: 'amtszeit-wakeup',
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
      opts.logger?.warn({ err: why instanceof Error ? why.message : String(why), retryInMs: wait }, 'outbox wake-up connection lost; mail is polled until it is back');
      retry = setTimeout(connect, wait);
      retry.unref?.();
    };
    c.on('error', drop);
    c.on('end', () => drop(new Error('connection ended')));
    c.on('notification', (n) => {
      // our own NOTIFY: this process's relay was woken directly
      if (n.processId === (c as unknown as { processID?: number }).processID) return;
      opts.onWake?.();
    });
    c.connect()
      .then(() => (opts.onWake ? c.query(`LISTEN ${OUTBOX_CHANNEL}`) : undefined))
      .then(() => {
        if (closed) return void c.end().catch(() => undefined);
        ready = true;
        if (failures > 0) opts.logger?.info({}, 'outbox wake-up connection back');
        failures = 0;
        opts.onWake?.();
      })
      .catch(drop);
  }

  function send(): void {
    const c = client;
    if (!c || !ready) return;
    sending = true;
    pending = false;
    c.query(`NOTIFY ${OUTBOX_CHANNEL}`).then(
      () => {
        sending = false;
        if (pending) send();
      },
      () => {
        sending = false; // the 'error' handler reconnects
      },
    );
  }

  connect();
  return {
    notify() {
      if (sending) pending = true;
      else send();
    },
    listening: () => ready,
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
