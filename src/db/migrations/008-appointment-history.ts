// The history of every appointment lives in audit_log (one place for what
// happened): entries about an appointment carry its id and office, every entry
// may carry the office it concerns (so a lead sees only their offices' entries)
// and the staff user who made it (by id; names are looked up when shown). The
// existing entries are filled in from their actor and details: the user from
// `staff:EMAIL`, the office from `details.office`, the appointment of
// `appointment.attendance*` from its reference, and their `from`/`to` statuses
// renamed to the history's `fromStatus`/`toStatus`. Indexes serve the history
// (by appointment), a lead's view (by office) and the period filter (by time).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE audit_log
      ADD COLUMN appointment_id  uuid,
      ADD COLUMN office_id       text,
      ADD COLUMN actor_user_id   uuid`.execute(db);

  await sql`
    UPDATE audit_log a SET actor_user_id = u.id
      FROM staff_users u
     WHERE u.org_id = a.org_id AND a.actor = 'staff:' || u.email`.execute(db);
  await sql`
    UPDATE audit_log SET office_id = details->>'office'
     WHERE jsonb_typeof(details->'office') = 'string'`.execute(db);
  await sql`
    UPDATE audit_log a SET appointment_id = ap.id, office_id = ap.office_id
      FROM appointments ap
     WHERE a.action LIKE 'appointment.%' AND ap.org_id = a.org_id
       AND ap.reference = replace(a.details->>'reference', '-', '')`.execute(db);
  await sql`
    UPDATE audit_log
       SET details = (details - 'from' - 'to' - 'office')
                     || jsonb_build_object('fromStatus', details->'from', 'toStatus', details->'to')
     WHERE action IN ('appointment.attendance', 'appointment.attendance_undo') AND details ? 'from'`.execute(db);

  // an appointment's history, oldest first; the log of some offices, newest first; a period
  await sql`CREATE INDEX audit_log_appointment ON audit_log (appointment_id, id) WHERE appointment_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX audit_log_office ON audit_log (org_id, office_id, id)`.execute(db);
  await sql`CREATE INDEX audit_log_at ON audit_log (org_id, at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS audit_log_at`.execute(db);
  await sql`DROP INDEX IF EXISTS audit_log_office`.execute(db);
  await sql`DROP INDEX IF EXISTS audit_log_appointment`.execute(db);
  await sql`ALTER TABLE audit_log DROP COLUMN IF EXISTS actor_user_id, DROP COLUMN IF EXISTS office_id, DROP COLUMN IF EXISTS appointment_id`.execute(db);
}
