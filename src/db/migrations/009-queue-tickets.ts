// The counter queue (src/app/queue): one row per waiting number an office hands
// out on a day: a booked citizen who checked in (kind 'appointment', with the
// appointment) or a walk-in (kind 'walk_in', with the concerns asked for).
// The day is the local date (YYYY-MM-DD text); the number is unique per office and day (`T007`, `W017`: domain/queue-numbers.ts);
// `seq` counts per office, day and kind. Status: waiting → called → serving →
// done, or no_show after a call, or deferred (back in the queue, after the
// others). The times (arrived, called and by whom at which desk, started,
// finished) feed the statistics and the appointment's history; the waiting-room
// display reads the last calls from called_at/desk. A call is also announced
// on the NOTIFY channel `amtszeit_queue_call` (src/app/queue/queue-notify.ts).
// Indexes: the queue of an office's day by status, and the last calls.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE queue_tickets (
      org_id          text NOT NULL,
      id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      office_id       text NOT NULL,
      day             text NOT NULL,
      number          text NOT NULL,
      seq             integer NOT NULL,
      kind            text NOT NULL CHECK (kind IN ('appointment', 'walk_in')),
      appointment_id  uuid,
      concerns        jsonb NOT NULL DEFAULT '[]',
      status          text NOT NULL DEFAULT 'waiting'
                        CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'deferred')),
      priority_at     timestamptz NOT NULL,
      arrived_at      timestamptz NOT NULL,
      called_at       timestamptz,
      called_by       uuid,
      desk            text,
      started_at      timestamptz,
      finished_at     timestamptz,
      deferred_at     timestamptz,
      call_count      integer NOT NULL DEFAULT 0,
      UNIQUE (org_id, office_id, day, number)
    )`.execute(db);
  // one ticket per appointment
  await sql`CREATE UNIQUE INDEX queue_tickets_appointment ON queue_tickets (org_id, appointment_id) WHERE appointment_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX queue_tickets_day ON queue_tickets (org_id, office_id, day, status)`.execute(db);
  await sql`CREATE INDEX queue_tickets_calls ON queue_tickets (org_id, office_id, called_at DESC) WHERE called_at IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS queue_tickets`.execute(db);
}
