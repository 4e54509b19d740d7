// Every write that places an appointment on a lane decides with the cached
// configuration (catalog). Another instance may have changed the configuration
// within the cache period (a closure, fewer counters): such a write holds the
// configuration lock shared, reads the stored version in its transaction, and
// when it differs, rolls back and runs once more on the fresh configuration.
import { DomainError } from '../domain/errors.ts';
import type { Catalog } from './catalog.ts';
import type { AppContext } from './context.ts';

export class StaleConfigError extends Error {
  constructor() {
    super('the configuration changed while this write was being decided');
  }
}

/** Throws StaleConfigError (inside the transaction, so it rolls back) when `stored` is not the catalog's version. */
export function requireCurrentConfig(catalog: Catalog, stored: string | null): void {
  if (catalog.version !== undefined && stored !== catalog.version) throw new StaleConfigError();
}

/** Runs `write` with the cached catalog, and once more with a freshly loaded one if it was stale. */
export async function withFreshCatalog<T>(ctx: AppContext, write: (catalog: Catalog) => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await write(await ctx.catalog());
    } catch (e) {
      if (!(e instanceof StaleConfigError)) throw e;
      ctx.invalidateCatalog();
    }
  }
  throw new DomainError('busy', { retryAfterSeconds: 1 });
}
