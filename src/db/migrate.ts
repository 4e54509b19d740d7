// Applies the migrations in src/db/migrations (listed here statically, applied
// in name order) with Kysely's Migrator. Idempotent, and safe when several
// processes start at once: the Migrator holds a PostgreSQL advisory lock
// (pg_advisory_lock) on a dedicated connection while it migrates, and runs all
// pending migrations in one transaction.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m001 from './migrations/001-initial.ts';
import * as m002 from './migrations/002-mail-jobs.ts';
import * as m003 from './migrations/003-web-sessions.ts';
import * as m004 from './migrations/004-staff.ts';
import * as m005 from './migrations/005-staff-admin.ts';
import * as m006 from './migrations/006-rate-limits.ts';
import * as m007 from './migrations/007-outbox-failures.ts';
import * as m008 from './migrations/008-appointment-history.ts';
import * as m009 from './migrations/009-queue-tickets.ts';
import * as m010 from './migrations/010-kiosk-links.ts';

/** Every migration, by name. Add new files here; names sort in application order. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001-initial': m001,
  '002-mail-jobs': m002,
  '003-web-sessions': m003,
  '004-staff': m004,
  '005-staff-admin': m005,
  '006-rate-limits': m006,
  '007-outbox-failures': m007,
  '008-appointment-history': m008,
  '009-queue-tickets': m009,
  '010-kiosk-links': m010,
};

const provider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};

export class MigrationError extends Error {
  constructor(
    readonly migration: string | undefined,
    cause: unknown,
  ) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`Database migration ${migration ?? '(setup)'} failed: ${why}`, { cause });
    this.name = 'MigrationError';
  }
}

/** Migrates to the latest version; returns the names it applied (empty when up to date). */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw new MigrationError(results.find((r) => r.status === 'Error')?.migrationName, error);
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
