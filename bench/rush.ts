// Scenario (b): the booking rush. Many clients book an empty office until it is
// full, each looping: GET the times of a random day that still showed free
// times, pick one at random, POST a booking; a client stops when the day
// overview shows no day with free times left.
import { sql, type Kysely, type KyselyPlugin } from 'kysely';
import { bookAppointment } from '../src/app/book-appointment.ts';
import { createAppContext, type AppContext } from '../src/app/context.ts';
import { getDayTimes } from '../src/app/get-day-times.ts';
import type { Database } from '../src/db/schema.ts';
import { addDays } from '../src/domain/time.ts';
import type { LocalDate } from '../src/domain/types.ts';
import { ORG_ID, RUSH_OFFICE, SERVICES, SERVICES_PARAM } from './config.ts';
import { createClient, type RequestFn } from './http-client.ts';
import { quantile, timed } from './stats.ts';

interface Overview {
  days: { date: string; status: string; freeTimes: number }[];
}
interface DayTimes {
  times: { time: string; startsAt: string }[];
}

export interface RushResult {
  clients: number;
  capacity: number;
  booked: number;
  rowsInDb: number;
  overlaps: number;
  posts: number;
  conflicts: number;
  /** status (and error code) -> count, over every request */
  statuses: Record<string, number>;
  exceptions: number;
  /** from the first request to the last successful booking */
  fillSeconds: number;
  /** until the last client stopped */
  totalSeconds: number;
  bookingsPerSec: number;
  postP50: number;
  postP99: number;
  bookedP50: number;
  bookedP99: number;
  requestsPerSec: number;
}

const overviewPath = (from: string, to: string) =>
  `/api/v1/availability?office=${RUSH_OFFICE}&services=${encodeURIComponent(SERVICES_PARAM)}&from=${from}&to=${to}`;
const dayPath = (date: string) => `/api/v1/availability/${date}?office=${RUSH_OFFICE}&services=${encodeURIComponent(SERVICES_PARAM)}`;

function pick<T>(xs: readonly T[]): T {
  return xs[Math.floor(Math.random() * xs.length)];
}

/** Bookable capacity of the empty rush office: free start times × online lanes (15-minute appointments on a 15-minute grid). */
export async function rushCapacity(request: RequestFn, base: string, from: string, to: string, lanes: number): Promise<{ capacity: number; days: string[] }> {
  const o = await request<Overview>(base, 'GET', overviewPath(from, to));
  if (o.status !== 200) throw new Error(`overview answered ${o.status}: ${JSON.stringify(o.body)}`);
  const open = o.body.days.filter((d) => d.status === 'available');
  return { capacity: open.reduce((a, d) => a + d.freeTimes, 0) * lanes, days: open.map((d) => d.date) };
}

export async function bookingRush(
  db: Kysely<Database>,
  bases: string[],
  q: {
    from: string; to: string; lanes: number; clients: number;
    /** called with the booking's e-mail address and performance.now() when its 201 arrived */
    onBooked?: (email: string, at: number) => void;
    /** at most this many POSTs per second over all clients (default: as fast as they can) */
    postsPerSec?: number;
  },
): Promise<RushResult> {
  const http = createClient(q.clients);
  try {
    const { capacity, days } = await rushCapacity(http.request, bases[0], q.from, q.to, q.lanes);
    const statuses: Record<string, number> = {};
    const postMs: number[] = [];
    const bookedMs: number[] = [];
    let booked = 0, posts = 0, conflicts = 0, exceptions = 0, requests = 0, lastBooking = 0;
    const count = (status: number, body: unknown) => {
      requests++;
      const code = status >= 400 && body && typeof body === 'object' && 'error' in body ? ` ${String((body as { error: unknown }).error)}` : '';
      statuses[`${status}${code}`] = (statuses[`${status}${code}`] ?? 0) + 1;
    };
    const t0 = performance.now();
    let nextPost = t0;
    /** waits for the next POST slot when the rush is paced */
    const pace = async () => {
      if (!q.postsPerSec) return;
      const at = Math.max(performance.now(), nextPost);
      nextPost = at + 1000 / q.postsPerSec;
      const wait = at - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    };

    const client = async (c: number) => {
      const base = bases[c % bases.length];
      let open = [...days];
      let failures = 0;
      const failed = () => {
        if (++failures > 50) throw new Error(`client ${c}: too many failed requests`);
      };
      for (let n = 0; ; n++) {
        if (open.length === 0) {
          const o = await http.request<Overview>(base, 'GET', overviewPath(q.from, q.to));
          count(o.status, o.body);
          if (o.status !== 200) {
            failed();
            continue;
          }
          open = o.body.days.filter((d) => d.status === 'available').map((d) => d.date);
          if (open.length === 0) return;
        }
        const date = pick(open);
        const d = await http.request<DayTimes>(base, 'GET', dayPath(date));
        count(d.status, d.body);
        if (d.status !== 200) {
          failed();
          continue;
        }
        if (d.body.times.length === 0) {
          open = open.filter((x) => x !== date);
          continue;
        }
        const t = pick(d.body.times);
        const email = `rush-${c}-${n}@example.org`;
        await pace();
        const p = await http.request(base, 'POST', '/api/v1/appointments', {
          office: RUSH_OFFICE,
          services: SERVICES,
          startsAt: t.startsAt,
          contact: { name: `Rush ${c}-${n}`, email },
          locale: 'de',
          consent: true,
        });
        count(p.status, p.body);
        posts++;
        postMs.push(p.ms);
        if (p.status === 201) {
          q.onBooked?.(email, performance.now());
          booked++;
          bookedMs.push(p.ms);
          lastBooking = performance.now();
        } else if (p.status === 409) conflicts++;
        else failed();
      }
    };
    await Promise.all(
      Array.from({ length: q.clients }, (_, c) =>
        client(c).catch(() => {
          exceptions++;
        }),
      ),
    );
    const end = performance.now();

    const live = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM appointments
      WHERE org_id = ${ORG_ID} AND office_id = ${RUSH_OFFICE} AND status <> 'cancelled'`.execute(db);
    const overlaps = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM appointments a JOIN appointments b
        ON a.id < b.id AND a.org_id = b.org_id AND a.office_id = b.office_id AND a.lane = b.lane AND a.period && b.period
      WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'`.execute(db);
    const fillSeconds = ((lastBooking || end) - t0) / 1000;
    return {
      clients: q.clients,
      capacity,
      booked,
      rowsInDb: live.rows[0].n,
      overlaps: overlaps.rows[0].n,
      posts,
      conflicts,
      statuses,
      exceptions,
      fillSeconds,
      totalSeconds: (end - t0) / 1000,
      bookingsPerSec: booked / fillSeconds,
      postP50: quantile(postMs, 0.5),
      postP99: quantile(postMs, 0.99),
      bookedP50: quantile(bookedMs, 0.5),
      bookedP99: quantile(bookedMs, 0.99),
      requestsPerSec: requests / ((end - t0) / 1000),
    };
  } finally {
    http.close();
  }
}

/** A context whose database counts the SQL statements it runs (BEGIN/COMMIT not included). */
export function countingContext(ctx: AppContext): { ctx: AppContext; statements(): number; reset(): void } {
  let n = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      n++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const counted = createAppContext({ db: ctx.db.withPlugin(plugin), orgId: ctx.orgId });
  return { ctx: counted, statements: () => n, reset: () => { n = 0; } };
}

export interface SequentialBookings {
  runs: number;
  median: number;
  p99: number;
  statements: number;
}

/** Books `n` free times one after another in-process (no contention): the floor of a booking's latency. */
export async function timeSequentialBookings(ctx: AppContext, q: { office: string; from: LocalDate; n: number }): Promise<SequentialBookings> {
  const c = countingContext(ctx);
  const starts: string[] = [];
  for (let d = 0; starts.length < q.n && d < 60; d++) {
    const day = await getDayTimes(c.ctx, { office: q.office, services: SERVICES, date: addDays(q.from, d) });
    const step = Math.max(1, Math.floor(day.times.length / 5));
    for (let i = 0; i < day.times.length && starts.length < q.n; i += step) starts.push(day.times[i].startsAt);
  }
  const ms: number[] = [];
  let statements = 0;
  for (const [i, startsAt] of starts.entries()) {
    c.reset();
    const t = await timed(() =>
      bookAppointment(c.ctx, {
        office: q.office, services: SERVICES, startsAt, contact: { name: `Seq ${i}`, email: `seq-${i}@example.org` }, locale: 'de', consent: true,
      }),
    );
    ms.push(t.ms);
    statements = c.statements();
  }
  return { runs: ms.length, median: quantile(ms, 0.5), p99: quantile(ms, 0.99), statements };
}
