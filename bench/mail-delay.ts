// Bench (c): the delay from a booking's answer to its confirmation mail's
// arrival at a local SMTP server, with the relay in-process as `npm start`
// runs it (woken after each write request, else polling every second).
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { bookAppointment } from '../src/app/book-appointment.ts';
import { createAppContext } from '../src/app/context.ts';
import { getDayTimes } from '../src/app/get-day-times.ts';
import type { Database } from '../src/db/schema.ts';
import { addDays } from '../src/domain/time.ts';
import { startBackground } from '../src/jobs/background.ts';
import { SERVICES } from './config.ts';
import { quantile } from './stats.ts';

export interface MailDelay {
  mails: number;
  arrived: number;
  p50: number;
  p99: number;
  max: number;
}

export async function mailDelay(db: Kysely<Database>, q: { orgId: string; office: string; from: string; n: number; concurrency: number }): Promise<MailDelay> {
  const arrivals = new Map<string, number>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo) arrivals.set(r.address.toLowerCase(), performance.now());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  const silent = { info() {}, warn() {}, error() {} };
  const background = await startBackground({
    db,
    env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'bench@example.org', MAIL_DIR: undefined, DATA_DIR: 'memory', RELAY: true, JOBS: false },
    logger: silent,
  });
  const ctx = createAppContext({ db, orgId: q.orgId });
  try {
    const starts: string[] = [];
    for (let d = 0; starts.length < q.n && d < 60; d++) {
      const day = await getDayTimes(ctx, { office: q.office, services: SERVICES, date: addDays(q.from, d) });
      const step = Math.max(1, Math.floor(day.times.length / 8));
      for (let i = 0; i < day.times.length && starts.length < q.n; i += step) starts.push(day.times[i].startsAt);
    }
    const booked = new Map<string, number>();
    let next = 0;
    const worker = async () => {
      while (next < starts.length) {
        const i = next++;
        const email = `mail-${i}@example.org`;
        try {
          await bookAppointment(ctx, { office: q.office, services: SERVICES, startsAt: starts[i], contact: { name: `Mail ${i}`, email }, locale: 'de', consent: true });
          booked.set(email, performance.now());
          background.kick(); // what the server's onResponse hook does after a write
        } catch {
          // a taken time: no mail expected
        }
      }
    };
    await Promise.all(Array.from({ length: q.concurrency }, worker));
    const deadline = performance.now() + 30_000;
    while ([...booked.keys()].some((e) => !arrivals.has(e)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const delays = [...booked].filter(([e]) => arrivals.has(e)).map(([e, t]) => arrivals.get(e)! - t);
    return { mails: booked.size, arrived: delays.length, p50: quantile(delays, 0.5), p99: quantile(delays, 0.99), max: Math.max(0, ...delays) };
  } finally {
    await background.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
}
