// What the waiting-room display may read of the counter queue (migration 009):
// the last calls of an office's day, newest first — waiting number, desk id,
// when and how often called. Nothing else leaves this file: no appointment,
// concern, name or reference, so no display can show one.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface DisplayCallRow {
  number: string;
  /** the desk's id (the configuration names it) */
  desk: string | null;
  called_at: Date;
  call_count: number;
}

/** The office's last `limit` calls of `day` (local `YYYY-MM-DD`), newest first. */
export async function lastDisplayCalls(db: Kysely<Database>, orgId: string, officeId: string, day: string, limit: number): Promise<DisplayCallRow[]> {
  const rows = await db.selectFrom('queue_tickets')
    .select(['number', 'desk', 'called_at', 'call_count'])
    .where('org_id', '=', orgId).where('office_id', '=', officeId).where('day', '=', day)
    .where('called_at', 'is not', null)
    .orderBy('called_at', 'desc').orderBy('number', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ number: r.number, desk: r.desk, called_at: new Date(r.called_at as Date), call_count: Number(r.call_count) }));
}
