// `amtszeit worker`: the outbox relay and the background jobs without the web
// server, for installations that run them apart (set RELAY=off and JOBS=off on
// the web instances then). Needs PostgreSQL (DATABASE_URL): with PGlite only
// one process may open the data directory, and that is the server.
import { startBackground } from '../jobs/background.ts';
import type { Env } from '../env.ts';
import { createLogger, openMigratedDatabase } from './runtime.ts';
import { UsageError } from './args.ts';

export async function worker(env: Env, opts: { stopSignal?: Promise<string> } = {}): Promise<void> {
  if (!env.DATABASE_URL) {
    throw new UsageError('worker needs DATABASE_URL (PostgreSQL): with the embedded database only the server process can open DATA_DIR, and it sends mail itself.');
  }
  const logger = createLogger(env);
  const handle = await openMigratedDatabase(env, logger);
  let background;
  try {
    background = await startBackground({ db: handle.db, env, logger, relay: true, jobs: true });
  } catch (e) {
    await handle.close();
    throw e;
  }
  logger.info({ database: handle.kind }, 'Amtszeit worker is running (outbox relay and background jobs)');
  const signal =
    opts.stopSignal ??
    new Promise<string>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
  const which = await signal;
  logger.info({ signal: which }, 'shutting down');
  await background.stop();
  await handle.close();
}
