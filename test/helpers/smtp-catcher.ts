// A catching SMTP server on 127.0.0.1 (smtp-server) for tests and the bench:
// keeps every accepted mail (parsed with mailparser, and raw), the time each
// was accepted (the moment it answers 250), and can refuse recipients the way
// a real server does (`550 5.1.1 <address>: Recipient address rejected`, the
// address in the reply), or answer them with a temporary 4xx. It can go away
// (close(): open connections get 421 at once) and come back on the same port.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CatcherOptions {
  /** port to listen on (0: a free one) */
  port?: number;
  /** parse each mail with mailparser (default true; the bench only needs the times) */
  parse?: boolean;
  /** refuse a recipient: return the SMTP code (e.g. 550 or 451), or undefined to accept */
  refuse?: (address: string) => number | undefined;
}

export interface Catcher {
  port: number;
  url: string;
  mails: ParsedMail[];
  raw: string[];
  /** recipient address (lower case) -> performance.now() when the 250 for its mail was given */
  acceptedAt: Map<string, number>;
  /** how many mails were accepted */
  accepted(): number;
  close(): Promise<void>;
}

export async function startCatcher(opts: CatcherOptions = {}): Promise<Catcher> {
  const mails: ParsedMail[] = [];
  const raw: string[] = [];
  const acceptedAt = new Map<string, number>();
  const parse = opts.parse ?? true;
  let count = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    closeTimeout: 50,
    onRcptTo(address, _session, callback) {
      const code = opts.refuse?.(address.address);
      if (code === undefined) return callback();
      const text = code >= 500 ? `5.1.1 <${address.address}>: Recipient address rejected: User unknown` : `4.2.0 <${address.address}>: Recipient address temporarily deferred`;
      const err = new Error(text) as Error & { responseCode: number };
      err.responseCode = code;
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        if (parse) chunks.push(c);
      });
      stream.on('end', () => {
        const done = () => {
          count++;
          const t = performance.now();
          for (const r of session.envelope.rcptTo) acceptedAt.set(r.address.toLowerCase(), t);
          callback();
        };
        if (!parse) return done();
        const buf = Buffer.concat(chunks);
        raw.push(buf.toString('utf8'));
        simpleParser(buf).then(
          (m) => {
            mails.push(m);
            done();
          },
          (e: Error) => callback(e),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? 0);
  let closing: Promise<void> | null = null;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    raw,
    acceptedAt,
    accepted: () => count,
    close: () => (closing ??= new Promise<void>((resolve) => server.close(() => resolve()))),
  };
}
