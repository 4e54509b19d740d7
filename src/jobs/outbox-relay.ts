// The outbox relay: sends the mails that use cases wrote to the outbox.
//
// - Claims due `pending` rows in batches (batchSize) with FOR UPDATE SKIP
//   LOCKED and a short lease (next_attempt_at = now + leaseMs, 30 s), renewed
//   every leaseMs/3 while the batch is being sent; so any number of relays can
//   run at once, none takes a row another one is sending, and the mails of a
//   relay that was killed are due again within one lease.
// - Sends `concurrency` mails side by side (the SMTP transport keeps as many
//   connections); one appointment's mails go in order.
// - A row is marked `sent` only after the transport accepted it. If the
//   process dies in between, the lease runs out and the row is sent again
//   (at-least-once; the resend carries the same Message-ID, so it can be
//   recognised). That window is the time between the SMTP server's 250 and
//   the UPDATE — milliseconds.
// - A refusal for good (5xx to the recipient or the message) marks the row
//   `failed` at once (shown to staff on the appointment), without retrying.
// - Any other failure schedules a retry with exponential backoff
//   (30 s × 2^(attempts-1), at most 1 h) until 24 h after the row was
//   written, then the row is `failed`. A mail that became pointless (reminder
//   of a cancelled appointment) ends as `skipped`.
// - The mail server unreachable: the relay stops trying mail by mail and checks
//   the server every reverifyMs (5 s) instead; once it answers, every row
//   that waited for it is due at once (not at its next backoff step).
// - Error texts in logs and in the outbox have e-mail addresses masked
//   (describeError); log lines name the row, never the recipient.
// - After sending, the manage token leaves the payload.
import type { Kysely } from 'kysely';
import { loadOrgConfig } from '../db/repositories/organization-repo.ts';
import {
  claimDueMails, findMailAppointments, finishMail, markMailSent, releaseMailsWaitingForServer, renewMailLease,
  scheduleMailRetry, type MailAppointmentRow, type OutboxRow,
} from '../db/repositories/mail-outbox-repo.ts';
import type { Database } from '../db/schema.ts';
import type { OrgConfig } from '../domain/types.ts';
import { composeOutboxMail } from '../mail/compose.ts';
import { describeError, failureOf, type MailTransport, type TransportHealth } from '../mail/transport.ts';

export interface RelayLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface RelayOptions {
  db: Kysely<Database>;
  transport: MailTransport;
  /** MAIL_FROM; default `"<org name>" <noreply@<host of publicUrl>>` */
  mailFrom?: string;
  now?: () => number;
  logger?: RelayLogger;
  /** rows claimed at once (MAIL_BATCH_SIZE) */
  batchSize?: number;
  /** mails sent side by side (MAIL_CONNECTIONS) */
  concurrency?: number;
  /** how long a claimed row is reserved for this relay (MAIL_LEASE_MS); renewed every third of it while sending */
  leaseMs?: number;
  /** how often the lease is renewed while a batch is being sent; default leaseMs / 3 */
  renewMs?: number;
  /** how often the outbox is looked at without a wake-up (MAIL_POLL_MS) */
  pollMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  giveUpAfterMs?: number;
  /** how often an unreachable SMTP server is checked again (MAIL_RECHECK_MS) */
  reverifyMs?: number;
}

export interface RelayRun {
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
}

export interface OutboxRelay {
  /** Sends everything due now, batch after batch; resolves when nothing is due. */
  runOnce(): Promise<RelayRun>;
  /** Checks the transport (logs a warning when unreachable) and starts polling. */
  start(): Promise<void>;
  /** Runs soon instead of waiting for the next poll (after a booking, or a wake-up from another process). */
  kick(): void;
  /** Stops polling and waits for the batch in progress. */
  stop(): Promise<void>;
  health(): TransportHealth;
}

export const RELAY_DEFAULTS = {
  batchSize: 20,
  concurrency: 4,
  leaseMs: 30_000,
  pollMs: 1000,
  retryBaseMs: 30_000,
  retryMaxMs: 3600_000,
  giveUpAfterMs: 24 * 3600_000,
  reverifyMs: 5000,
};

/** Delay before retry number `attempts` (1-based): 30 s, 1 min, 2 min, … at most 1 h. */
export function retryDelay(attempts: number, baseMs = RELAY_DEFAULTS.retryBaseMs, maxMs = RELAY_DEFAULTS.retryMaxMs): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
}

const silent: RelayLogger = { info() {}, warn() {}, error() {} };

export function createOutboxRelay(opts: RelayOptions): OutboxRelay {
  const o = { ...RELAY_DEFAULTS, ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) } as Required<RelayOptions>;
  const now = opts.now ?? Date.now;
  const log = opts.logger ?? silent;
  const configs = new Map<string, { at: number; config: Promise<OrgConfig | null> }>();
  /** a send found the server unreachable; cleared (and the waiting rows released) when it answers again */
  let serverDown = false;
  /** serverAnswers() made rows due: runOnce goes on after a short batch */
  let releasedMeanwhile = false;

  function configOf(orgId: string): Promise<OrgConfig | null> {
    const t = Date.now();
    const c = configs.get(orgId);
    if (c && t - c.at < 5000) return c.config;
    const config = loadOrgConfig(opts.db, orgId);
    configs.set(orgId, { at: t, config });
    config.catch(() => configs.delete(orgId));
    return config;
  }

  /** The server answers (again): the rows that waited for it are due now. */
  async function serverAnswers(): Promise<void> {
    if (!serverDown) return;
    serverDown = false;
    const released = await releaseMailsWaitingForServer(opts.db, new Date(now()));
    log.info({ transport: opts.transport.kind, released }, 'mail server reachable again: the mails that waited for it go out now');
    if (released > 0) releasedMeanwhile = true;
  }

  async function handle(row: OutboxRow, appointment: MailAppointmentRow | undefined, run: RelayRun, batch: { down: boolean }): Promise<void> {
    const t = now();
    let error: unknown;
    if (batch.down) {
      // the server failed for an earlier mail of this batch: not tried, it waits for the server
      await scheduleMailRetry(opts.db, row.id, { at: new Date(t + retryDelay(row.attempts, o.retryBaseMs, o.retryMaxMs)), error: 'not tried: the mail server was unreachable', kind: 'unreachable' });
      run.retried++;
      return;
    }
    try {
      const config = await configOf(row.org_id);
      if (!config) throw new Error(`organization ${row.org_id} not found`);
      const composed = await composeOutboxMail({ row, appointment, config, mailFrom: opts.mailFrom, now: t });
      if (composed.kind === 'skip') {
        await finishMail(opts.db, row.id, { status: 'skipped', reason: composed.reason });
        run.skipped++;
        log.info({ outboxId: row.id, kind: row.kind, reason: composed.reason }, 'mail skipped');
        return;
      }
      if (composed.kind === 'fail') {
        await finishMail(opts.db, row.id, { status: 'failed', reason: composed.reason });
        run.failed++;
        log.error({ outboxId: row.id, kind: row.kind, reason: composed.reason }, 'mail failed permanently');
        return;
      }
      await opts.transport.send(composed.mail);
    } catch (e) {
      error = e;
    }
    if (error === undefined) {
      await markMailSent(opts.db, row.id, new Date(now()));
      run.sent++;
      if (serverDown) await serverAnswers();
      return;
    }
    const failure = failureOf(error);
    const reason = describeError(error);
    if (failure === 'rejected') {
      await finishMail(opts.db, row.id, { status: 'failed', reason, kind: 'rejected' });
      run.failed++;
      log.warn({ outboxId: row.id, kind: row.kind, reason }, 'mail refused by the mail server: marked failed, not retried (shown to staff)');
      return;
    }
    if (failure === 'unreachable') {
      serverDown = true;
      batch.down = true;
    }
    const giveUpAt = row.created_at.getTime() + o.giveUpAfterMs;
    if (t >= giveUpAt) {
      await finishMail(opts.db, row.id, { status: 'failed', reason, kind: failure });
      run.failed++;
      log.error({ outboxId: row.id, kind: row.kind, attempts: row.attempts, reason }, 'mail failed permanently: given up after retrying for 24 h');
      return;
    }
    const at = Math.min(t + retryDelay(row.attempts, o.retryBaseMs, o.retryMaxMs), giveUpAt);
    await scheduleMailRetry(opts.db, row.id, { at: new Date(at), error: reason, kind: failure });
    run.retried++;
    log.warn({ outboxId: row.id, kind: row.kind, attempts: row.attempts, retryAt: new Date(at).toISOString(), reason }, 'mail not sent; will retry');
  }

  /** Sends one claimed batch: `concurrency` at a time, one appointment's mails in order; renews the lease meanwhile. */
  async function sendBatch(rows: OutboxRow[], leaseUntil: number, run: RelayRun): Promise<void> {
    let lease = leaseUntil;
    const ids = rows.map((r) => r.id);
    let renewing: Promise<unknown> = Promise.resolve();
    const renewal = setInterval(() => {
      renewing = renewing.then(async () => {
        const next = now() + o.leaseMs;
        try {
          await renewMailLease(opts.db, { ids, leaseUntil: new Date(lease), newLeaseUntil: new Date(next) });
          lease = next;
        } catch (e) {
          log.warn({ err: describeError(e) }, 'outbox lease not renewed');
        }
      });
    }, Math.max(10, opts.renewMs ?? Math.floor(o.leaseMs / 3)));
    renewal.unref?.();
    try {
      const appointments = await findMailAppointments(opts.db, rows);
      const byAppointment = new Map<string, OutboxRow[]>();
      for (const row of rows) {
        const key = row.appointment_id ?? `row-${row.id}`;
        byAppointment.set(key, [...(byAppointment.get(key) ?? []), row]);
      }
      const groups = [...byAppointment.values()];
      const batch = { down: false };
      let next = 0;
      const worker = async () => {
        while (next < groups.length) {
          for (const row of groups[next++]) {
            await handle(row, row.appointment_id ? appointments.get(`${row.org_id}/${row.appointment_id}`) : undefined, run, batch);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(o.concurrency, groups.length) }, worker));
    } finally {
      clearInterval(renewal);
      await renewing;
    }
  }

  async function runOnce(): Promise<RelayRun> {
    const run: RelayRun = { sent: 0, retried: 0, failed: 0, skipped: 0 };
    for (;;) {
      const t = now();
      const leaseUntil = t + o.leaseMs;
      const rows = await claimDueMails(opts.db, { now: new Date(t), leaseUntil: new Date(leaseUntil), limit: o.batchSize });
      if (rows.length > 0) await sendBatch(rows, leaseUntil, run);
      if (halted) return run;
      if (rows.length < o.batchSize) {
        if (!releasedMeanwhile) return run;
        releasedMeanwhile = false;
      }
    }
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let again = false;
  let stopped = true;
  /** stop() was called: a runOnce in progress ends after its batch */
  let halted = false;
  let lastVerify = 0;

  function schedule(ms: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref?.();
  }

  /** While the server is unreachable nothing is sent; every reverifyMs it is checked again. */
  async function waitingForServer(): Promise<boolean> {
    if (opts.transport.health().state !== 'unreachable') return false;
    if (Date.now() - lastVerify < o.reverifyMs) return true;
    lastVerify = Date.now();
    const h = await opts.transport.verify();
    if (h.state !== 'ok') return true;
    serverDown = true; // release what waited, also rows of other relays and of before a restart
    await serverAnswers();
    return false;
  }

  function tick(): void {
    timer = null;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    let waiting = false;
    running = (async () => {
      waiting = await waitingForServer();
      if (!waiting) await runOnce();
    })()
      .catch((e) => log.error({ err: describeError(e) }, 'outbox relay run failed'))
      .finally(() => {
        running = null;
        const soon = again && !waiting;
        again = false;
        schedule(soon ? 0 : waiting ? Math.min(o.pollMs, o.reverifyMs) : o.pollMs);
      });
  }

  return {
    runOnce,
    async start() {
      if (!stopped) return;
      stopped = false;
      halted = false;
      lastVerify = Date.now();
      const h = await opts.transport.verify();
      if (h.state === 'unreachable') {
        log.warn({ transport: h.transport, reason: h.reason }, 'mail server unreachable: bookings go on, their mails wait in the outbox');
      } else {
        log.info({ transport: h.transport }, 'outbox relay started');
        // mails that waited for the server before this process started
        await releaseMailsWaitingForServer(opts.db, new Date(now())).catch((e) => log.warn({ err: describeError(e) }, 'outbox: could not release waiting mails'));
      }
      schedule(0);
    },
    kick() {
      if (stopped) return;
      if (running) again = true;
      else if (!(timer && waitingNow())) schedule(0);
    },
    async stop() {
      stopped = true;
      halted = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
    health: () => opts.transport.health(),
  };

  /** a kick while waiting for the server does not check it more often than reverifyMs */
  function waitingNow(): boolean {
    return opts.transport.health().state === 'unreachable';
  }
}
