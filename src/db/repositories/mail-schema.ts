// Columns and values added by migration 002 (src/db/migrations/002-mail-jobs.ts),
// as seen by the mail and job repositories. (src/db/schema.ts can take them
// over; until then these repositories view the database through this type.)
import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { AppointmentsTable, Database, OutboxTable } from '../schema.ts';

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'skipped';

export interface MailDatabase extends Omit<Database, 'outbox' | 'appointments'> {
  outbox: Omit<OutboxTable, 'status'> & { status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus> };
  appointments: AppointmentsTable & { reminded_at: ColumnType<Date | null, Date | null | undefined, Date | null> };
}

export type AnyDb = Kysely<Database> | Transaction<Database>;

export function mailDb(db: AnyDb): Kysely<MailDatabase> {
  return db as unknown as Kysely<MailDatabase>;
}
