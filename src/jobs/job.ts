// What every background job looks like: one pass over all organizations at
// `now` (the clock is a parameter, so tests run jobs at any time they like).
// Jobs are idempotent and safe on several instances at once.
import type { Kysely } from 'kysely';
import { listOrganizationIds, loadOrgConfig } from '../db/repositories/organization-repo.ts';
import type { Database } from '../db/schema.ts';
import type { OrgConfig } from '../domain/types.ts';

export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface Job {
  name: string;
  /** Returns how many things it did (for logs and tests). */
  run(db: Kysely<Database>, now: number, log: JobLogger): Promise<number>;
}

export async function forEachOrganization(
  db: Kysely<Database>,
  fn: (orgId: string, config: OrgConfig) => Promise<number>,
): Promise<number> {
  let total = 0;
  for (const orgId of await listOrganizationIds(db)) {
    const config = await loadOrgConfig(db, orgId);
    if (config) total += await fn(orgId, config);
  }
  return total;
}
