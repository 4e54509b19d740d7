// One per process: tells every connected waiting-room display of an office
// when its last calls changed, whichever instance made the call.
// - Per office that has at least one display connected, the calls are loaded
//   (`load`) and compared with the last known; a change goes to every display
//   of that office. Offices without displays cost nothing.
// - PostgreSQL (`databaseUrl`): one dedicated LISTEN connection per process
//   (not one per display, not from the pool) on QUEUE_CALLS_CHANNEL; a
//   notification reloads the office it names at once. While that connection
//   is down (reconnect after 1 s, 2 s, … at most 30 s) the offices are polled
//   every `pollMs`; while it is up, every `safetyPollMs` in case a change came
//   without a notification.
// - PGlite (no `databaseUrl`, one process): polled every `pollMs` (500 ms).
// close() stops all of it and tells the displays (their streams end).
import pg from 'pg';
import { QUEUE_CALLS_CHANNEL, officeOfPayload } from '../../db/queue-channel.ts';

export interface HubLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface CallHub<S> {
  /**
   * Calls `onChange` with the office's current state now (once loaded) and on
   * every change; `onClose` when the hub closes. Returns the unsubscribe.
   */
  subscribe(officeId: string, onChange: (state: S) => void, onClose: () => void): () => void;
  /** whether the LISTEN connection is up (false on PGlite) */
  listening(): boolean;
  /** number of connected displays */
  size(): number;
  close(): Promise<void>;
}

interface Watch<S> {
  subscribers: Set<{ onChange: (state: S) => void; onClose: () => void }>;
  key: string | null;
  state: S | null;
  loading: boolean;
  again: boolean;
}

export function createCallHub<S>(opts: {
  load: (officeId: string) => Promise<S>;
  databaseUrl?: string | null;
  pollMs?: number;
  safetyPollMs?: number;
  logger?: HubLogger;
}): CallHub<S> {
  const pollMs = opts.pollMs ?? 500;
  const safetyPollMs = opts.safetyPollMs ?? 5000;
  const watches = new Map<string, Watch<S>>();
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let lastPoll = 0;
  let listener: Listener | null = null;

  function refresh(officeId: string): void {
    const w = watches.get(officeId);
    if (!w || closed) return;
    if (w.loading) {
      w.again = true;
      return;
    }
    w.loading = true;
    w.again = false;
    opts.load(officeId).then(
      (state) => {
        w.loading = false;
        if (closed || watches.get(officeId) !== w) return;
        const key = JSON.stringify(state);
        if (key !== w.key) {
          w.key = key;
          w.state = state;
          for (const s of [...w.subscribers]) s.onChange(state);
        }
        if (w.again) refresh(officeId);
      },
      (err: unknown) => {
        w.loading = false;
        opts.logger?.warn({ err: err instanceof Error ? err.message : String(err), officeId }, 'call display: could not load the last calls; trying again');
        if (w.again) refresh(officeId);
      },
    );
  }

  function tick(): void {
    timer = null;
    if (closed || watches.size === 0) return;
    const every = listener?.up() ? safetyPollMs : pollMs;
    if (Date.now() - lastPoll >= every) {
      lastPoll = Date.now();
      for (const id of watches.keys()) refresh(id);
    }
    schedule();
  }

  function schedule(): void {
    if (timer || closed || watches.size === 0) return;
    timer = setTimeout(tick, Math.min(pollMs, 250));
    timer.unref?.();
  }

  function startListener(): void {
    if (listener || !opts.databaseUrl || closed) return;
    listener = listen(opts.databaseUrl, {
      onNotify: (payload) => {
        const office = officeOfPayload(payload);
        if (office) refresh(office);
        else for (const id of watches.keys()) refresh(id);
      },
      // anything may have been called while the link was down
      onUp: () => {
        for (const id of watches.keys()) refresh(id);
      },
    }, opts.logger);
  }

  return {
    subscribe(officeId, onChange, onClose) {
      if (closed) {
        queueMicrotask(onClose);
        return () => undefined;
      }
      let w = watches.get(officeId);
      const sub = { onChange, onClose };
      if (!w) {
        w = { subscribers: new Set(), key: null, state: null, loading: false, again: false };
        watches.set(officeId, w);
      }
      w.subscribers.add(sub);
      // the state the others have; the first display of an office waits for its load
      if (w.state !== null) onChange(w.state);
      else refresh(officeId);
      startListener();
      schedule();
      return () => {
        const cur = watches.get(officeId);
        if (!cur) return;
        cur.subscribers.delete(sub);
        if (cur.subscribers.size === 0) watches.delete(officeId);
      };
    },
    listening: () => listener?.up() ?? false,
    size: () => [...watches.values()].reduce((n, w) => n + w.subscribers.size, 0),
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearTimeout(timer);
      const subs = [...watches.values()].flatMap((w) => [...w.subscribers]);
      watches.clear();
      for (const s of subs) s.onClose();
      await listener?.close();
    },
  };
}

interface Listener {
  up(): boolean;
  close(): Promise<void>;
}

/** A dedicated LISTEN connection, opened again after a drop (1 s, 2 s, … at most 30 s), as db/outbox-wakeup.ts does. */
function listen(databaseUrl: string, on: { onNotify: (payload: string | undefined) => void; onUp: () => void }, logger?: HubLogger): Listener {
  let client: pg.Client | null = null;
  let ready = false;
  let closed = false;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;

  function connect(): void {
    if (closed) return;
    const c = new pg.Client({
      connectionString: databaseUrl,
      application_name: 'amtszeit-call-display',
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
      const wait = Math.min(30_000, 1000 * 2 ** Math.min(failures++, 10));
      logger?.warn({ err: why instanceof Error ? why.message : String(why), retryInMs: wait }, 'call display: LISTEN connection lost; polling until it is back');
      retry = setTimeout(connect, wait);
      retry.unref?.();
    };
    c.on('error', drop);
    c.on('end', () => drop(new Error('connection ended')));
    c.on('notification', (n) => {
      if (n.channel === QUEUE_CALLS_CHANNEL) on.onNotify(n.payload);
    });
    c.connect()
      .then(() => c.query(`LISTEN ${QUEUE_CALLS_CHANNEL}`))
      .then(() => {
        if (closed) return void c.end().catch(() => undefined);
        ready = true;
        if (failures > 0) logger?.info({}, 'call display: LISTEN connection back');
        failures = 0;
        on.onUp();
      })
      .catch(drop);
  }

  connect();
  return {
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
