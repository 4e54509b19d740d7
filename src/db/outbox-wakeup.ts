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
// - A dropped connection is opened again after 1 s, 2 s, … at most 30 s
//   (db/listen-connection.ts); polling (the relay's MAIL_POLL_MS) covers the gap.
import type { DbLogger } from './connection.ts';
import { openListenConnection } from './listen-connection.ts';

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
  let sending = false;
  let pending = false;
  const conn = openListenConnection({
    databaseUrl: opts.databaseUrl,
    applicationName: 'amtszeit-wakeup',
    channel: opts.onWake ? OUTBOX_CHANNEL : null,
    // our own NOTIFY: this process's relay was woken directly
    onNotification: (_n, own) => {
      if (!own) opts.onWake?.();
    },
    onUp: opts.onWake,
    logger: opts.logger,
    lost: 'outbox wake-up connection lost; mail is polled until it is back',
    back: 'outbox wake-up connection back',
    reconnectMs: opts.reconnectMs,
    maxReconnectMs: opts.maxReconnectMs,
  });

  function send(): void {
    const c = conn.client();
    if (!c) return;
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

  return {
    notify() {
      if (sending) pending = true;
      else send();
    },
    listening: () => conn.up(),
    close: () => conn.close(),
  };
}
