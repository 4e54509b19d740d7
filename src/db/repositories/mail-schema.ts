// Columns and values added by migrations 002 and 007 (src/db/migrations/),
// as seen by the mail and job repositories. (src/db/schema.ts can take them
// over; until then these repositories view the database through this type.)
import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { AppointmentsTable, Database, OutboxTable } from '../schema.ts';

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'skipped';
/** migration 007: why the last attempt failed (src/mail/transport.ts, SendFailure) */
export type OutboxErrorKind = 'unreachable' | 'temporary' | 'rejected';

export interface MailDatabase extends Omit<Database, 'outbox' | 'appointments'> {
  outbox: Omit<OutboxTable, 'status'> & {
    status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
    last_error_kind: ColumnType<OutboxErrorKind | null, OutboxErrorKind | null | undefined, OutboxErrorKind | null>;
  };
  appointments: AppointmentsTable & { reminded_at: ColumnType<Date | null, Date | null | undefined, Date | null> };
}

export type AnyDb = Kysely<Database> | Transaction<Database>;

export function mailDb(db: AnyDb): Kysely<MailDatabase> {
  return db as unknown as Kysely<MailDatabase>;
}
