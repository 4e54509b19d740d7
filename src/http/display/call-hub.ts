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
import { openListenConnection, type ListenConnection } from '../../db/listen-connection.ts';
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
  /**
   * Something on this instance may have changed the calls (a queue action just answered): reload
   * every watched office now. On PGlite, where there is no LISTEN, this is what makes a call on
   * this (the only) instance show within milliseconds instead of at the next poll.
   */
  changed(): void;
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
  let listener: ListenConnection | null = null;

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
    listener = openListenConnection({
      databaseUrl: opts.databaseUrl,
      applicationName: 'amtszeit-call-display',
      channel: QUEUE_CALLS_CHANNEL,
      onNotification: (n) => {
        const office = officeOfPayload(n.payload);
        if (office) refresh(office);
        else for (const id of watches.keys()) refresh(id);
      },
      // anything may have been called while the link was down
      onUp: () => {
        for (const id of watches.keys()) refresh(id);
      },
      logger: opts.logger,
      lost: 'call display: LISTEN connection lost; polling until it is back',
      back: 'call display: LISTEN connection back',
    });
  }

  return {
    changed() {
      for (const id of watches.keys()) refresh(id);
    },
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
