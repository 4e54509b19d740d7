// What every use case gets: the database, the organization, a clock, and the
// organization's configuration (cached briefly; writes invalidate it).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { loadOrgConfig } from '../db/repositories/organization-repo.ts';
import { buildCatalog, type Catalog } from './catalog.ts';

export interface AppContext {
  db: Kysely<Database>;
  orgId: string;
  /** epoch milliseconds; tests pass a fixed clock */
  now: () => number;
  catalog(): Promise<Catalog>;
  invalidateCatalog(): void;
}

export class NoOrganizationError extends Error {
  constructor(orgId: string) {
    super(`No organization "${orgId}" in the database: run "amtszeit config import FILE" or "amtszeit demo".`);
  }
}

export function createAppContext(opts: {
  db: Kysely<Database>;
  orgId: string;
  now?: () => number;
  /** how long a loaded configuration is reused; another instance's import shows after this */
  cacheMs?: number;
}): AppContext {
  const cacheMs = opts.cacheMs ?? 2000;
  let cached: { at: number; value: Promise<Catalog> } | null = null;
  const ctx: AppContext = {
    db: opts.db,
    orgId: opts.orgId,
    now: opts.now ?? Date.now,
    catalog() {
      const t = Date.now();
      if (!cached || t - cached.at > cacheMs) {
        const value = loadOrgConfig(opts.db, opts.orgId).then((config) => {
          if (!config) throw new NoOrganizationError(opts.orgId);
          return buildCatalog(opts.orgId, config);
        });
        value.catch(() => {
          if (cached?.value === value) cached = null;
        });
        cached = { at: t, value };
      }
      return cached.value;
    },
    invalidateCatalog() {
      cached = null;
    },
  };
  return ctx;
}
