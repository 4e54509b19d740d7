// What every use case gets: the database, the organization, a clock, and the
// organization's configuration (cached briefly; writes invalidate it).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { loadVersionedConfig } from '../db/repositories/organization-repo.ts';
import { buildCatalog, type Catalog } from './catalog.ts';

export interface AppContext {
  db: Kysely<Database>;
  orgId: string;
  /** epoch milliseconds; tests pass a fixed clock */
  now: () => number;
  catalog(): Promise<Catalog>;
  invalidateCatalog(): void;
  /**
   * Availability answers are reused for `availabilityCacheMs` (default 1 s), and
   * simultaneous identical questions share one load. Safe because every booking
   * re-checks its time: a stale "free" costs at most a 409 with alternatives.
   * Writes in this process forget them at once; other instances' writes show
   * within the period.
   */
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Forget cached availability (after any change to bookings). */
  forgetAvailability(): void;
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
  /** how long an availability answer is reused (0: never) */
  availabilityCacheMs?: number;
}): AppContext {
  const cacheMs = opts.cacheMs ?? 2000;
  const availabilityMs = opts.availabilityCacheMs ?? 1000;
  let cached: { at: number; value: Promise<Catalog> } | null = null;
  let answers = new Map<string, { at: number; value: Promise<unknown> }>();
  const ctx: AppContext = {
    db: opts.db,
    orgId: opts.orgId,
    now: opts.now ?? Date.now,
    catalog() {
      const t = Date.now();
      if (!cached || t - cached.at > cacheMs) {
        const value = loadVersionedConfig(opts.db, opts.orgId).then((loaded) => {
          if (!loaded) throw new NoOrganizationError(opts.orgId);
          return buildCatalog(opts.orgId, loaded.config, loaded.version);
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
      answers = new Map();
    },
    memo<T>(key: string, load: () => Promise<T>): Promise<T> {
      if (availabilityMs <= 0) return load();
      const t = Date.now();
      const hit = answers.get(key);
      if (hit && t - hit.at <= availabilityMs) return hit.value as Promise<T>;
      if (answers.size > 2000) for (const [k, v] of answers) if (t - v.at > availabilityMs) answers.delete(k);
      const value = load();
      const map = answers;
      map.set(key, { at: t, value });
      value.catch(() => map.delete(key));
      return value;
    },
    forgetAvailability() {
      answers = new Map();
    },
  };
  return ctx;
}
