// Fills the month-view office to about 70 % over its whole horizon, directly
// with SQL in batches: per lane, back-to-back appointments of 10-30 minutes on
// the 5-minute grid with gaps between them, so the exclusion constraint holds.
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import type { NewAppointment } from '../src/db/repositories/appointment-repo.ts';
import { hashToken, newReference } from '../src/app/tokens.ts';
import { daySchedule, type OrgZone } from '../src/domain/opening-windows.ts';
import { eachDate } from '../src/domain/time.ts';
import type { LocalDate, Office } from '../src/domain/types.ts';

const MINUTE = 60_000;
const GAP_MINUTES = 5;
/** minutes -> weight; mean 15.5 minutes */
const DURATIONS: [number, number][] = [[10, 0.4], [15, 0.3], [20, 0.15], [25, 0.1], [30, 0.05]];
const MEAN_DURATION = DURATIONS.reduce((a, [m, w]) => a + m * w, 0);

/** Deterministic PRNG (mulberry32), so every run seeds the same pattern. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function duration(r: () => number): number {
  let x = r();
  for (const [m, w] of DURATIONS) {
    if (x < w) return m;
    x -= w;
  }
  return DURATIONS[DURATIONS.length - 1][0];
}

export interface SeedResult {
  rows: number;
  /** booked lane-minutes / open lane-minutes */
  bookedShare: number;
  days: number;
  ms: number;
}

export async function seedBusyOffice(
  db: Kysely<Database>,
  q: { orgId: string; office: Office; org: OrgZone; from: LocalDate; to: LocalDate; occupancy: number; seed?: number },
): Promise<SeedResult> {
  const t0 = Date.now();
  const r = rng(q.seed ?? 20261201);
  // With a 5-minute gap step and mean duration D, placing an appointment with probability p
  // at each free point gives a booked share of pD / (pD + (1-p)·gap); solve for the target.
  const p = (q.occupancy * GAP_MINUTES) / (MEAN_DURATION * (1 - q.occupancy) + q.occupancy * GAP_MINUTES);
  const refs = new Set<string>();
  const created = new Date();
  let batch: NewAppointment[] = [];
  let rows = 0, booked = 0, open = 0, days = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await db.insertInto('appointments').values(batch).execute();
    batch = [];
  };
  for (const date of eachDate(q.from, q.to)) {
    const schedule = daySchedule(q.office, q.org, date);
    if (schedule.windows.length > 0) days++;
    for (const w of schedule.windows) {
      const lanes = Math.min(...w.segments.map((s) => s.counters));
      for (let lane = 0; lane < lanes; lane++) {
        open += (w.end - w.start) / MINUTE;
        let t = w.start;
        while (t < w.end) {
          if (r() >= p) {
            t += GAP_MINUTES * MINUTE;
            continue;
          }
          const d = duration(r);
          if (t + d * MINUTE > w.end) break;
          let reference = newReference();
          while (refs.has(reference)) reference = newReference();
          refs.add(reference);
          const n = rows++;
          batch.push({
            org_id: q.orgId,
            office_id: q.office.id,
            lane,
            starts_at: new Date(t),
            ends_at: new Date(t + d * MINUTE),
            status: 'booked',
            channel: 'online',
            reference,
            token_hash: hashToken(`bench-${n}`),
            services: JSON.stringify([{ id: 'x', quantity: 1 }]),
            duration_minutes: d,
            contact_name: `Bench ${n}`,
            contact_email: `bench${n}@example.org`,
            email_key: `bench${n}@example.org`,
            locale: 'de',
            created_at: created,
            updated_at: created,
          });
          booked += d;
          t += d * MINUTE;
          if (batch.length >= 1000) await flush();
        }
      }
    }
  }
  await flush();
  return { rows, bookedShare: open > 0 ? booked / open : 0, days, ms: Date.now() - t0 };
}
