// The outbox relay: sends the mails that use cases wrote to the outbox.
//
// - Claims due `pending` rows in small batches with FOR UPDATE SKIP LOCKED and
//   a lease (next_attempt_at = now + leaseMs), so any number of relays can run
//   at once and none takes a row another one is sending.
// - A row is marked `sent` only after the transport accepted it. If the
//   process dies in between, the lease runs out and the row is sent again
//   (at-least-once; the resend carries the same Message-ID, so it can be
//   recognised). That window is the time between the SMTP server's 250 and
//   the UPDATE — milliseconds.
// - A failure schedules a retry with exponential backoff (30 s × 2^(attempts-1),
//   at most 1 h) until 24 h after the row was written, then the row is
//   `failed` (kept for staff, logged). A mail that became pointless
//   (reminder of a cancelled appointment) ends as `skipped`.
// - After sending, the manage token leaves the payload.
import type { Kysely } from 'kysely';
import { loadOrgConfig } from '../db/repositories/organization-repo.ts';
import {
  claimDueMails, findMailAppointment, finishMail, markMailSent, scheduleMailRetry, type OutboxRow,
} from '../db/repositories/mail-outbox-repo.ts';
import type { Database } from '../db/schema.ts';
import type { OrgConfig } from '../domain/types.ts';
import { composeOutboxMail } from '../mail/compose.ts';
import { describeError, type MailTransport, type TransportHealth } from '../mail/transport.ts';

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
  batchSize?: number;
  leaseMs?: number;
  pollMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  giveUpAfterMs?: number;
  /** how often an unreachable SMTP server is checked again without traffic */
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
  /** Runs soon instead of waiting for the next poll (after a booking). */
  kick(): void;
  /** Stops polling and waits for the batch in progress. */
  stop(): Promise<void>;
  health(): TransportHealth;
}

export const RELAY_DEFAULTS = {
  batchSize: 10,
  leaseMs: 2 * 60_000,
  pollMs: 1000,
  retryBaseMs: 30_000,
  retryMaxMs: 3600_000,
  giveUpAfterMs: 24 * 3600_000,
  reverifyMs: 30_000,
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

  function configOf(orgId: string): Promise<OrgConfig | null> {
    const t = Date.now();
    const c = configs.get(orgId);
    if (c && t - c.at < 5000) return c.config;
    const config = loadOrgConfig(opts.db, orgId);
    configs.set(orgId, { at: t, config });
    config.catch(() => configs.delete(orgId));
    return config;
  }

  async function handle(row: OutboxRow, run: RelayRun): Promise<void> {
    const t = now();
    let error: unknown;
    try {
      const config = await configOf(row.org_id);
      if (!config) throw new Error(`organization ${row.org_id} not found`);
      const appointment = row.appointment_id ? await findMailAppointment(opts.db, row.org_id, row.appointment_id) : undefined;
      const composed = composeOutboxMail({ row, appointment, config, mailFrom: opts.mailFrom, now: t });
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
      return;
    }
    const reason = describeError(error);
    const giveUpAt = row.created_at.getTime() + o.giveUpAfterMs;
    if (t >= giveUpAt) {
      await finishMail(opts.db, row.id, { status: 'failed', reason });
      run.failed++;
      log.error({ outboxId: row.id, kind: row.kind, attempts: row.attempts, reason }, 'mail failed permanently: given up after retrying for 24 h');
      return;
    }
    const at = Math.min(t + retryDelay(row.attempts, o.retryBaseMs, o.retryMaxMs), giveUpAt);
    await scheduleMailRetry(opts.db, row.id, { at: new Date(at), error: reason });
    run.retried++;
    log.warn({ outboxId: row.id, kind: row.kind, attempts: row.attempts, retryAt: new Date(at).toISOString(), reason }, 'mail not sent; will retry');
  }

  async function runOnce(): Promise<RelayRun> {
    const run: RelayRun = { sent: 0, retried: 0, failed: 0, skipped: 0 };
    for (;;) {
      const t = now();
      const rows = await claimDueMails(opts.db, { now: new Date(t), leaseUntil: new Date(t + o.leaseMs), limit: o.batchSize });
      // Rows are claimed with their own lease, so they may go out side by side; but one
      // appointment's mails go in order (a confirmation before the notice of its move).
      const byAppointment = new Map<string, OutboxRow[]>();
      for (const row of rows) {
        const key = row.appointment_id ?? `row-${row.id}`;
        byAppointment.set(key, [...(byAppointment.get(key) ?? []), row]);
      }
      await Promise.all([...byAppointment.values()].map(async (group) => {
        for (const row of group) await handle(row, run);
      }));
      if (rows.length < o.batchSize || halted) return run;
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

  function tick(): void {
    timer = null;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      if (opts.transport.health().state === 'unreachable' && Date.now() - lastVerify >= o.reverifyMs) {
        lastVerify = Date.now();
        const h = await opts.transport.verify();
        if (h.state === 'ok') log.info({ transport: h.transport }, 'mail server reachable again');
      }
      await runOnce();
    })()
      .catch((e) => log.error({ err: describeError(e) }, 'outbox relay run failed'))
      .finally(() => {
        running = null;
        const soon = again;
        again = false;
        schedule(soon ? 0 : o.pollMs);
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
      }
      schedule(0);
    },
    kick() {
      if (stopped) return;
      if (running) again = true;
      else schedule(0);
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
}
