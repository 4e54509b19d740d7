// A pg.Client class that prepares every new session the same way on
// PostgreSQL and PGlite, so SQL behaves identically on both:
// - TimeZone is UTC (range and date output never depend on the host);
// - on PGlite each client gets its own protocol connection over the one
//   PGlite instance, and first rolls back whatever a discarded client left open
//   (a real server would have ended that session's transaction);
// - a client never crashes the process when its connection fails: pg emits
//   'error' on the client, and pg-pool listens only while the client is idle.
//   Checked out (in a transaction, during session set-up), the failing query
//   rejects with the error anyway, and pg-pool drops the broken client when
//   it comes back; the listener here only keeps the event from being fatal.
import pg from 'pg';

const SESSION_SETUP = "SET TimeZone TO 'UTC'";

type ConnectCallback = ((err: Error) => void) | ((err: null, c: pg.Client) => void);

export function sessionClientClass(opts: { connection?: () => unknown } = {}): typeof pg.Client {
  const setup = opts.connection ? `ROLLBACK; ${SESSION_SETUP}` : SESSION_SETUP;
  return class SessionClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      const base = typeof config === 'string' ? { connectionString: config } : (config ?? {});
      super(opts.connection ? ({ ...base, connection: opts.connection() } as pg.ClientConfig) : base);
      this.on('error', () => undefined);
    }

    // pg-pool calls connect(callback); direct users call connect() and get a promise.
    override connect(): Promise<pg.Client>;
    override connect(callback: ConnectCallback): void;
    override connect(callback?: ConnectCallback): Promise<pg.Client> | void {
      const ready = super.connect().then(() =>
        this.query(setup).then(
          (): pg.Client => this,
          async (e: unknown) => {
            await this.end().catch(() => undefined);
            throw e;
          },
        ),
      );
      if (!callback) return ready;
      ready.then(
        (c) => (callback as (err: null, c: pg.Client) => void)(null, c),
        (e: Error) => (callback as (err: Error) => void)(e),
      );
    }
  };
}
